import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStructurallySame, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import {
  argumentNames,
  CATALOGUES,
  detectLang,
  format,
  formatIssue,
  issueTitle,
  langFromEnv,
  type MessageId,
} from '../../../src/shared/i18n';
import { ISSUE_CODES, type Issue } from '../../../src/shared/issues';
import { runPipeline } from '../../../src/main/pipeline';
import { generateHrExport } from '../../fixtures/hr-export';

const ids = Object.keys(CATALOGUES.en) as MessageId[];
const ast = (text: string) => parse(text, { ignoreTag: true, requiresOtherClause: true });

describe('the catalogues', () => {
  it('have a non-empty Dutch text for every English id and no extra ids', () => {
    expect(Object.keys(CATALOGUES.nl).sort()).toEqual([...ids].sort());
    const empty = ids.filter((id) => CATALOGUES.nl[id].trim() === '' || CATALOGUES.en[id].trim() === '');
    expect(empty).toEqual([]);
  });

  it('parse as ICU messages in both languages', () => {
    const broken: string[] = [];
    for (const lang of ['en', 'nl'] as const) {
      for (const id of ids) {
        try {
          ast(CATALOGUES[lang][id]);
        } catch (e) {
          broken.push(`${lang} ${id}: ${String(e)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('use the same arguments, of the same kind (plural, number, select), in both languages', () => {
    const mismatched = ids.filter((id) => {
      const en = ast(CATALOGUES.en[id]);
      const nl = ast(CATALOGUES.nl[id]);
      return !isStructurallySame(en, nl).success || argumentNames(en).join() !== argumentNames(nl).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('find a placeholder mismatch when one is planted (the check above can fail)', () => {
    const en = ast('{n, plural, one {# row} other {# rows}}');
    expect(isStructurallySame(en, ast('{n} rijen')).success).toBe(false);
    expect(isStructurallySame(en, ast('{count, plural, one {# rij} other {# rijen}}')).success).toBe(false);
    expect(argumentNames(ast('{a} {b, select, x {{c}} other {}}'))).toEqual(['a', 'b', 'c']);
  });

  it('have a text in both languages for every message code the code base says (plan, sync, client, run)', () => {
    // Coded messages are made with said('<code>') or written as { code: '<code>' }: find every such code in src.
    const root = new URL('../../../src/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const codes = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const m of text.matchAll(/\bsaid\(\s*'([^']+)'|\bcode: '((?:report|run|plan)\.[^']+)'/g))
        codes.add((m[1] ?? m[2])!);
    }
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter(
      (code) => !CATALOGUES.en[code as MessageId]?.trim() || !CATALOGUES.nl[code as MessageId]?.trim(),
    );
    expect(missing).toEqual([]);
    // The scan finds a planted code without a text (the check above can fail).
    expect(CATALOGUES.en['report.reason.doesNotExist' as MessageId]).toBeUndefined();
  });

  it('name every issue code in both languages', () => {
    const missing = ISSUE_CODES.filter((code) => !(`issue.${code}` in CATALOGUES.en));
    expect(missing).toEqual([]);
    expect(issueTitle('nl', 'invalid-email')).toBe('Ongeldig e-mailadres');
    expect(issueTitle('en', 'duplicate-key')).toBe('Duplicate mapping key');
  });
});

describe('format', () => {
  it('writes plurals the way each language does', () => {
    expect(format('en', 'validate.summary', { errors: 1, warnings: 0, rows: 1 })).toBe(
      '1 error, 0 warnings in 1 row',
    );
    expect(format('nl', 'validate.summary', { errors: 1, warnings: 0, rows: 1 })).toBe(
      '1 fout, 0 waarschuwingen in 1 rij',
    );
    expect(format('nl', 'validate.summary', { errors: 12, warnings: 3, rows: 12500 })).toBe(
      '12 fouten, 3 waarschuwingen in 12.500 rijen',
    );
    expect(format('en', 'validate.summary', { errors: 12, warnings: 3, rows: 12500 })).toBe(
      '12 errors, 3 warnings in 12,500 rows',
    );
    expect(format('en', 'graph.emptyKeys', { n: 1 })).toBe('1 empty key');
    expect(format('nl', 'graph.emptyKeys', { n: 1 })).toBe('1 lege key');
    expect(format('nl', 'graph.emptyKeys', { n: 20 })).toBe('20 lege keys');
  });

  it('keeps umlauts and tussenvoegsels untouched', () => {
    expect(format('nl', 'validate.sourceRow', { row: 'Jürgen van der Berg' })).toBe(
      'Bronregel Jürgen van der Berg',
    );
  });

  it('leaves a missing argument visible instead of printing undefined or throwing', () => {
    expect(format('en', 'run.progress', { done: 5 })).toBe('5 of {total}');
  });
});

describe('issues as data', () => {
  it('word every issue of a messy Windows-1252 export in Dutch and English, from its code and values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plek-i18n-'));
    const file = join(dir, 'hr.csv');
    const exported = generateHrExport({
      rows: 200,
      seed: 31,
      defects: true,
      encoding: 'windows-1252',
      delimiter: ';',
      lineEnding: '\r\n',
    });
    writeFileSync(file, exported.bytes);
    const { result } = await runPipeline({
      mappingPath: new URL('../../../resources/demo/demo.plekmap.json', import.meta.url).pathname,
      sourcePath: file,
      today: '2026-11-23',
    });
    const issues: Issue[] = result.issues;
    const codes = new Set(issues.map((i) => i.code));
    for (const code of ['empty-key', 'duplicate-key', 'invalid-email', 'duplicate-email', 'short-row'])
      expect(codes).toContain(code);
    expect(issues.filter((i) => !i.params).map((i) => i.message)).toEqual([]);
    for (const i of issues) {
      const en = formatIssue(i, 'en');
      const nl = formatIssue(i, 'nl');
      expect(en, i.message).not.toMatch(/\{\w+\}/);
      expect(nl, i.message).not.toMatch(/\{\w+\}/);
      expect(nl, i.message).not.toBe(en);
      if (i.row !== undefined) expect(nl).toContain(`rij ${i.row}`);
    }
    // A date the expression cannot read is worded in Dutch too, not only the sentence around it.
    const badDate = issues.find((i) => i.code === 'invalid-date' && i.params?.['detail:id'])!;
    expect(formatIssue(badDate, 'nl')).toMatch(
      /is geen geldige datum \(die dag bestaat niet\) \(in de expressie op positie \d+\)/,
    );
    expect(formatIssue(badDate, 'en')).toMatch(/is not a valid date \(no such day\)/);
    const duplicate = issues.find((i) => i.code === 'duplicate-key')!;
    expect(formatIssue(duplicate, 'nl')).toMatch(/staat ook in rij \d+;/);
    expect(formatIssue(duplicate, 'en')).toMatch(/also appears in row \d+;/);
  });

  it('names a missing Plek field in the reader’s language', () => {
    const issue: Issue = {
      code: 'missing-required',
      severity: 'error',
      row: 7,
      message: 'row 7: given name is empty',
      params: {
        id: 'issue.missing-required.text',
        row: 7,
        target: 'name.givenName',
        columns: '[Roepnaam]',
        active: 'yes',
      },
    };
    expect(formatIssue(issue, 'nl')).toBe(
      'rij 7: voornaam is leeg (gelezen uit [Roepnaam]); Plek heeft dit nodig om een account aan te maken',
    );
    expect(formatIssue(issue, 'en')).toBe(
      'row 7: given name is empty (read from [Roepnaam]); Plek needs it to create an account',
    );
  });

  it('falls back to the English message for an issue without parameters', () => {
    const issue: Issue = { code: 'encoding', severity: 'warning', message: 'odd bytes' };
    expect(formatIssue(issue, 'nl')).toBe('odd bytes');
  });
});

describe('choosing the language', () => {
  it.each([
    [{ LANG: 'nl_NL.UTF-8' }, 'nl'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LC_ALL: 'nl_BE.UTF-8', LANG: 'en_GB.UTF-8' }, 'nl'],
    [{ LC_ALL: '', LC_MESSAGES: 'nl_NL', LANG: 'C' }, 'nl'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{}, 'en'],
  ] as const)('environment %o → %s', (env, expected) => {
    expect(langFromEnv(env)).toBe(expected);
  });

  it.each([
    [null, 'nl-NL', 'nl'],
    [null, 'nl-BE', 'nl'],
    [null, 'en-US', 'en'],
    [null, undefined, 'en'],
    ['en', 'nl-NL', 'en'],
    ['nl', 'en-GB', 'nl'],
    ['fr', 'nl-NL', 'nl'],
  ] as const)('stored %s, system %s → %s', (stored, system, expected) => {
    expect(detectLang(stored, system)).toBe(expected);
  });
});
