import type { z } from 'zod';
import type { ExpressionError } from '../expression/errors';
import { findDuplicateKey } from './duplicate-keys';
import { jsonPath } from './json-path';
import { mappingFileSchema, type MappingFile } from './schema';

export { jsonPath } from './json-path';

export interface MappingProblem {
  /** JSON path such as `$.fields["name.familyName"].expression`. */
  path: string;
  /** English, for logs and the CLI. */
  message: string;
  /** The same problem as a catalogue message (`problem.*`) with its values, for a screen's language. */
  detail?: { id: string; values: Readonly<Record<string, string | number>> };
  /** An expression that does not compile: its coded error (`expr.<code>`), worded by the screen. */
  expression?: ExpressionError;
  /**
   * A value the mapping format does not accept, as the schema checker's issue (code and limits, never the value
   * itself), so a screen can word it in its language (`schemaIssueText`).
   */
  schemaIssue?: SchemaIssue;
}

/**
 * A zod issue without its English message; its input (which could be anything from the file) replaced by an
 * empty value of the same type, enough for "received number".
 */
export type SchemaIssue = Omit<z.core.$ZodIssue, 'message'>;

export type MappingParseResult =
  { ok: true; mapping: MappingFile } | { ok: false; problems: MappingProblem[] };

/** Key names that mean someone put a secret in a customer artefact. */
const SECRET_KEY = /pass(?:word|wd)?|secret|token|apikey|api_key|credential/i;

/** A schema checker's issue as a mapping problem: its place, an English message, and the issue for a screen's language. */
export function describeSchemaIssue(issue: z.core.$ZodIssue): MappingProblem {
  const path = jsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const secrets = issue.keys.filter((k) => SECRET_KEY.test(k));
    if (secrets.length > 0) {
      return {
        path,
        message: `"${secrets.join('", "')}" looks like a secret; a mapping file never holds one. Remove it: the app keeps secrets in its secret store and the CLI reads PLEK_LDAP_PASSWORD / PLEK_CLIENT_SECRET.`,
        detail: { id: 'problem.secretKey', values: { keys: secrets.join('", "'), n: secrets.length } },
      };
    }
    return {
      path,
      message: `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling against docs/mapping-format.md`,
      detail: {
        id: 'problem.unknownKeys',
        values: { keys: issue.keys.map((k) => `"${k}"`).join(', '), n: issue.keys.length },
      },
    };
  }
  const refusal =
    issue.code === 'custom' ? (issue.params as { refusal?: unknown } | undefined)?.refusal : undefined;
  if (isMessageRef(refusal)) return { path, message: issue.message, detail: refusal };
  if (issue.code === 'custom') return { path, message: issue.message };
  const { message: _message, input, ...rest } = issue as z.core.$ZodIssue & { input?: unknown };
  // The kind of value that was found ("received number"), never the value: a stand-in of the same type.
  const schemaIssue = { ...rest, ...(input !== undefined ? { input: standIn(input) } : {}) };
  return { path, message: issue.message, schemaIssue: schemaIssue as SchemaIssue };
}

function standIn(value: unknown): unknown {
  if (value === null || typeof value === 'boolean') return value === null ? null : false;
  if (typeof value === 'number') return Number.isNaN(value) ? Number.NaN : 0;
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return [];
  return typeof value === 'object' ? {} : undefined;
}

function isMessageRef(v: unknown): v is { id: string; values: Record<string, string | number> } {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';
}

/** Validates an already-parsed JSON value as a mapping file v1. */
export function parseMapping(value: unknown): MappingParseResult {
  if (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    (value as { version: unknown }).version !== 1
  ) {
    return {
      ok: false,
      problems: [
        {
          path: '$.version',
          message: `version ${JSON.stringify((value as { version: unknown }).version)} is not supported; this workbench reads version 1`,
          detail: {
            id: 'problem.version',
            values: { version: JSON.stringify((value as { version: unknown }).version) ?? '' },
          },
        },
      ],
    };
  }
  // reportInput: the issue knows what kind of value it found; describeIssue keeps the kind, never the value.
  const result = mappingFileSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, mapping: result.data };
  return { ok: false, problems: result.error.issues.map(describeSchemaIssue) };
}

/** Parses mapping file text; JSON syntax errors name line and column. */
export function parseMappingText(text: string): MappingParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // V8 quotes the start of the text in some messages ("Unexpected token 'h', \"hello…\" is not valid JSON"):
    // a file the consultant did not mean to open must not leak into a message, so those are reworded.
    const raw = e instanceof Error ? e.message : String(e);
    const msg = /"/.test(raw) || /^Unexpected token/.test(raw) ? 'not a JSON document' : raw;
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = before.length - before.lastIndexOf('\n');
      return {
        ok: false,
        problems: [
          {
            path: '$',
            message: `invalid JSON at line ${line}, column ${col}: ${msg}`,
            detail: { id: 'problem.jsonAt', values: { line, column: col } },
          },
        ],
      };
    }
    return {
      ok: false,
      problems: [{ path: '$', message: `invalid JSON: ${msg}`, detail: { id: 'problem.json', values: {} } }],
    };
  }
  // JSON.parse keeps the later of two equal keys; a mapping must not say one thing and run another.
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null)
    return {
      ok: false,
      problems: [
        {
          path: duplicate,
          message: `the key appears twice in the same object (${duplicate}); remove one so the file means one thing`,
          detail: { id: 'problem.duplicateKey', values: { key: duplicate } },
        },
      ],
    };
  return parseMapping(value);
}

/** Serialises a mapping for disk: two-space indent, trailing newline, stable and diff-friendly. */
export function stringifyMapping(mapping: MappingFile | Record<string, unknown>): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}
