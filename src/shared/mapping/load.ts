import type { z } from 'zod';
import { mappingFileSchema, type MappingFile } from './schema';

export interface MappingProblem {
  /** JSON path such as `$.fields["name.familyName"].expression`. */
  path: string;
  message: string;
}

export type MappingParseResult =
  { ok: true; mapping: MappingFile } | { ok: false; problems: MappingProblem[] };

/** Key names that mean someone put a secret in a customer artefact. */
const SECRET_KEY = /pass(?:word|wd)?|secret|token|apikey|api_key|credential/i;

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Z_$][\w$]*$/i.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): MappingProblem {
  const path = jsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const secrets = issue.keys.filter((k) => SECRET_KEY.test(k));
    if (secrets.length > 0) {
      return {
        path,
        message: `"${secrets.join('", "')}" looks like a secret; a mapping file never holds one. Remove it: the app keeps secrets in its secret store and the CLI reads PLEK_LDAP_PASSWORD / PLEK_CLIENT_SECRET.`,
      };
    }
    return {
      path,
      message: `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling against docs/mapping-format.md`,
    };
  }
  return { path, message: issue.message };
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
        },
      ],
    };
  }
  const result = mappingFileSchema.safeParse(value);
  if (result.success) return { ok: true, mapping: result.data };
  return { ok: false, problems: result.error.issues.map(describeIssue) };
}

/** Parses mapping file text; JSON syntax errors name line and column. */
export function parseMappingText(text: string): MappingParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = before.length - before.lastIndexOf('\n');
      return {
        ok: false,
        problems: [{ path: '$', message: `invalid JSON at line ${line}, column ${col}: ${msg}` }],
      };
    }
    return { ok: false, problems: [{ path: '$', message: `invalid JSON: ${msg}` }] };
  }
  return parseMapping(value);
}

/** Serialises a mapping for disk: two-space indent, trailing newline, stable and diff-friendly. */
export function stringifyMapping(mapping: MappingFile | Record<string, unknown>): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}
