import { describe, expect, it } from 'vitest';
import { parseMapping, type SchemaIssue } from '../../../src/shared/mapping/load';
import { schemaIssueText, typeName } from '../../../src/shared/mapping/schema-text';

const issue = (i: Record<string, unknown>) => ({ path: [], ...i }) as unknown as SchemaIssue;

/** zod's type names that its own Dutch table leaves in English ("verwacht string, ontving array"); object is Dutch too. */
const ZOD_TYPE_NAMES = /\b(?:string|number|record|array|boolean|undefined|bigint|int)\b/;

describe('a schema issue names the kinds of value in the consultant’s language', () => {
  it.each([
    ['string', 'tekst', 'text'],
    ['number', 'getal', 'number'],
    ['int', 'geheel getal', 'whole number'],
    ['boolean', 'waar of onwaar', 'true or false'],
    ['array', 'lijst', 'list'],
    ['record', 'object', 'object'],
    ['object', 'object', 'object'],
    ['undefined', 'niets', 'nothing'],
  ])('%s is “%s” in Dutch, “%s” in English', (type, nl, en) => {
    expect(typeName(type, 'nl')).toBe(nl);
    expect(typeName(type, 'en')).toBe(en);
  });

  it.each([
    [
      { code: 'invalid_type', expected: 'string', input: 0 },
      'verwacht tekst, gevonden: getal',
      'expected text, found number',
    ],
    [
      { code: 'invalid_type', expected: 'record', input: [] },
      'verwacht object, gevonden: lijst',
      'expected object, found list',
    ],
    [
      { code: 'invalid_type', expected: 'array', input: '' },
      'verwacht lijst, gevonden: tekst',
      'expected list, found text',
    ],
    [
      { code: 'invalid_type', expected: 'boolean', input: null },
      'verwacht waar of onwaar, gevonden: null',
      'expected true or false, found null',
    ],
    [{ code: 'invalid_type', expected: 'string' }, 'ontbreekt: verwacht tekst', 'missing: expected text'],
    [
      { code: 'too_small', origin: 'string', minimum: 1, inclusive: true },
      'te kort: minstens 1 teken',
      'too short: at least 1 character',
    ],
    [
      { code: 'too_small', origin: 'array', minimum: 2, inclusive: true },
      'te weinig: minstens 2 elementen',
      'too few: at least 2 items',
    ],
    [
      { code: 'too_big', origin: 'number', maximum: 100, inclusive: true },
      'te groot: hoogstens 100',
      'too large: at most 100',
    ],
    [
      { code: 'too_small', origin: 'number', minimum: 0, inclusive: false },
      'te klein: meer dan 0',
      'too small: more than 0',
    ],
    [
      { code: 'invalid_value', values: ['ad', 'openldap'] },
      'verwacht een van "ad", "openldap"',
      'expected one of "ad", "openldap"',
    ],
    [{ code: 'invalid_value', values: [1] }, 'verwacht 1', 'expected 1'],
    [{ code: 'invalid_format', format: 'email' }, 'geen geldig e-mailadres', 'not a valid email address'],
    [
      { code: 'invalid_union', errors: [] },
      'past bij geen van de toegestane vormen',
      'does not match any of the allowed forms',
    ],
  ])('%j', (i, nl, en) => {
    expect(schemaIssueText(issue(i), 'nl')).toBe(nl);
    expect(schemaIssueText(issue(i), 'en')).toBe(en);
  });

  it('words every issue of a badly typed mapping file without a zod type name in Dutch', () => {
    const r = parseMapping({
      version: 1,
      name: 7,
      source: { kind: 'csv', delimiter: 5, encoding: [] },
      mappingKey: { attribute: 'Personeelsnummer', caseSensitive: 'ja' },
      fields: [],
      valueMaps: { afdelingen: { entries: 'x' } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const texts = r.problems.filter((p) => p.schemaIssue).map((p) => schemaIssueText(p.schemaIssue!, 'nl'));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(t).not.toMatch(ZOD_TYPE_NAMES);
    expect(texts).toContain('verwacht object, gevonden: lijst');
    // zod's own Dutch table, which this replaces, does name them: the check above can fail.
    expect('Ongeldige invoer: verwacht record, ontving array').toMatch(ZOD_TYPE_NAMES);
  });
});
