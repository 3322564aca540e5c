import { compileExpression, matchKey, type CompiledExpression } from '../expression';
import { DEFAULT_TIME_ZONE } from '../mapping/schema';
import type { MappingProblem } from '../mapping/load';
import { jsonPath } from '../mapping/load';
import type { GroupRule, LoginSchema, MappingFile, NullPolicy } from '../mapping/schema';
import { canonicalTargetPath, lookupTargetField, WORK_EMAIL, type TargetField } from '../scim/fields';

export interface CompiledField {
  /** Canonical SCIM path. */
  target: string;
  /** The key as written in the mapping file (may be an alias such as `email`). */
  written: string;
  field: TargetField;
  nullPolicy: NullPolicy;
  expr: CompiledExpression;
}

export interface CompiledGroupRule extends GroupRule {
  /** Canonical target path of `field`. */
  target: string;
  /** Trimmed, lower-cased values. */
  match: Set<string>;
}

export interface CompiledLoginSchema extends LoginSchema {
  target: string;
  beginTarget: string;
  endTarget: string | null;
}

/** A mapping checked and ready to run: every expression parsed, every target resolved. */
export interface CompiledMapping {
  mapping: MappingFile;
  keyAttribute: string;
  fields: CompiledField[];
  scope: CompiledExpression | null;
  endDate: CompiledExpression | null;
  inactiveWhen: CompiledExpression | null;
  /** Joiners: the start date, and how many days ahead of it the account is created (null: start dates ignored). */
  startDate: CompiledExpression | null;
  daysAhead: number | null;
  /** IANA zone where "today" is decided. */
  timeZone: string;
  groupRules: CompiledGroupRule[];
  loginSchema: CompiledLoginSchema | null;
  /** Source columns that feed a name or an email: a `?` between letters there is a letter lost by Excel. */
  nameColumns: string[];
  /** Every source attribute the mapping reads, for the "unknown column" check. */
  references: string[];
  /** Target paths that are written for each user (fields + login target). */
  targets: string[];
}

export type CompileResult =
  { ok: true; compiled: CompiledMapping } | { ok: false; problems: MappingProblem[] };

const NAME_TARGETS: ReadonlySet<string> = new Set([
  'userName',
  'name.givenName',
  'name.familyName',
  'name.middleName',
  'name.formatted',
  'displayName',
  'nickName',
  WORK_EMAIL,
]);

/** Plek needs these to create an account. */
export const REQUIRED_FOR_CREATE = ['name.givenName', 'name.familyName', WORK_EMAIL] as const;

/**
 * Compiles a validated mapping file. A bad definition is refused here, with every problem named by its JSON path
 * (`$.fields["name.familyName"].expression: unknown function Jion at column 5`), before any row is read.
 */
export function compileMapping(mapping: MappingFile): CompileResult {
  const problems: MappingProblem[] = [];
  const ctx = { valueMaps: mapping.valueMaps };
  const references = new Set<string>([mapping.mappingKey.attribute]);

  const compile = (text: string, path: PropertyKey[]): CompiledExpression | null => {
    const result = compileExpression(text, ctx);
    if (!result.ok) {
      problems.push({ path: jsonPath(path), message: `${result.error.message}`, expression: result.error });
      return null;
    }
    for (const r of result.expr.references) references.add(r);
    return result.expr;
  };

  const fields: CompiledField[] = [];
  const seenTargets = new Map<string, string>();
  for (const [written, def] of Object.entries(mapping.fields)) {
    const at = ['fields', written];
    const lookup = lookupTargetField(written, mapping.customFields);
    if (!lookup.ok) {
      problems.push({
        path: jsonPath(at),
        message: lookup.reason,
        detail: { id: `problem.target.${lookup.code}`, values: { field: written } },
      });
      continue;
    }
    const target = lookup.field.path;
    const earlier = seenTargets.get(target);
    if (earlier !== undefined) {
      problems.push({
        path: jsonPath(at),
        message: `maps the same Plek field as "${earlier}"; keep one of them`,
        detail: { id: 'problem.duplicateTarget', values: { field: written, earlier } },
      });
      continue;
    }
    seenTargets.set(target, written);
    const expr = compile(def.expression, [...at, 'expression']);
    if (expr) fields.push({ target, written, field: lookup.field, nullPolicy: def.nullPolicy, expr });
  }

  const scope = mapping.scope ? compile(mapping.scope.include, ['scope', 'include']) : null;
  const endDate = mapping.deactivation.endDate
    ? compile(mapping.deactivation.endDate, ['deactivation', 'endDate'])
    : null;
  const inactiveWhen = mapping.deactivation.inactiveWhen
    ? compile(mapping.deactivation.inactiveWhen, ['deactivation', 'inactiveWhen'])
    : null;

  const activation = mapping.activation;
  const startDate =
    activation?.startDate && activation.daysAhead !== null
      ? compile(activation.startDate, ['activation', 'startDate'])
      : null;
  // Source attributes named outside expressions: a typo is reported as an unknown column like any other.
  if (mapping.mappingKey.birthDateAttribute) references.add(mapping.mappingKey.birthDateAttribute);
  if (mapping.loginSchema?.collisionSuffixField) references.add(mapping.loginSchema.collisionSuffixField);

  const mappedTargets = new Set(fields.map((f) => f.target));
  let loginSchema: CompiledLoginSchema | null = null;
  if (mapping.loginSchema) {
    const ls = mapping.loginSchema;
    const target = canonicalTargetPath(ls.target);
    const beginTarget = canonicalTargetPath(ls.begin.field);
    const endTarget = ls.end === 'none' ? null : canonicalTargetPath(ls.end.field);
    if (mappedTargets.has(target)) {
      problems.push({
        path: jsonPath(['loginSchema', 'target']),
        message: `"${ls.target}" is also mapped under fields; the login schema generates it, so remove one of the two`,
        detail: { id: 'problem.loginTargetMapped', values: { target } },
      });
    }
    for (const [t, where] of [
      [beginTarget, 'begin'],
      [endTarget, 'end'],
    ] as const) {
      if (t !== null && !mappedTargets.has(t)) {
        problems.push({
          path: jsonPath(['loginSchema', where, 'field']),
          message: `the login schema reads Plek field "${t}", which no field mapping fills; map it first`,
          detail: { id: 'problem.loginReadsUnmapped', values: { target: t } },
        });
      }
    }
    loginSchema = { ...ls, target, beginTarget, endTarget };
  }

  const targets = [...mappedTargets];
  if (loginSchema && !mappedTargets.has(loginSchema.target)) targets.push(loginSchema.target);

  const groupRules: CompiledGroupRule[] = [];
  mapping.groupRules.forEach((rule, i) => {
    const target = canonicalTargetPath(rule.field);
    if (!targets.includes(target)) {
      problems.push({
        path: jsonPath(['groupRules', i, 'field']),
        message: `group rules work on Plek profile fields only, and "${rule.field}" is not mapped; map it under fields first`,
        detail: { id: 'problem.groupFieldUnmapped', values: { target } },
      });
      return;
    }
    groupRules.push({ ...rule, target, match: new Set(rule.in.map(normalizeMatch)) });
  });

  for (const required of REQUIRED_FOR_CREATE) {
    if (!targets.includes(required)) {
      problems.push({
        path: jsonPath(['fields']),
        message: `Plek needs "${required}" to create an account; add a field mapping for it`,
        detail: { id: 'problem.requiredMissing', values: { target: required } },
      });
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    compiled: {
      mapping,
      keyAttribute: mapping.mappingKey.attribute,
      fields,
      scope,
      endDate,
      inactiveWhen,
      startDate,
      daysAhead: activation?.daysAhead ?? 0,
      timeZone: mapping.timeZone ?? DEFAULT_TIME_ZONE,
      groupRules,
      loginSchema,
      references: [...references],
      nameColumns: [
        ...new Set(fields.filter((f) => NAME_TARGETS.has(f.target)).flatMap((f) => f.expr.references)),
      ],
      targets,
    },
  };
}

/** How group rule values and emails are compared: the same normalisation as every expression comparison. */
export const normalizeMatch = matchKey;
