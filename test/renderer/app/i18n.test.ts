import { describe, expect, it } from 'vitest';
import {
  DICTIONARIES,
  detectLang,
  issueTitleKey,
  placeholders,
  translate,
  type MessageKey,
} from '../../../src/renderer/src/app/i18n';
import { ISSUE_CODES } from '../../../src/shared/issues';

const keys = Object.keys(DICTIONARIES.en) as MessageKey[];

describe('i18n dictionaries', () => {
  it('has a non-empty Dutch text for every English key and no extra keys', () => {
    expect(Object.keys(DICTIONARIES.nl).sort()).toEqual([...keys].sort());
    const empty = keys.filter((k) => DICTIONARIES.nl[k].trim() === '' || DICTIONARIES.en[k].trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = keys.filter(
      (k) => placeholders(DICTIONARIES.nl[k]).join() !== placeholders(DICTIONARIES.en[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('actually translates the step names', () => {
    expect(translate('nl', 'step.source')).toBe('Bron');
    expect(translate('en', 'step.source')).toBe('Source');
  });
});

describe('issue titles', () => {
  it('names every issue code in both languages', () => {
    const missing = ISSUE_CODES.filter(
      (code) => !DICTIONARIES.en[issueTitleKey(code)] || !DICTIONARIES.nl[issueTitleKey(code)],
    );
    expect(missing).toEqual([]);
    expect(translate('nl', issueTitleKey('invalid-email'))).toBe('Ongeldig e-mailadres');
    expect(translate('en', issueTitleKey('duplicate-key'))).toBe('Duplicate mapping key');
  });
});

describe('translate', () => {
  it('fills placeholders and formats numbers per language', () => {
    expect(translate('nl', 'validate.summary', { errors: 12, warnings: 3, rows: 12500 })).toBe(
      '12 fouten, 3 waarschuwingen in 12.500 regels',
    );
    expect(translate('en', 'validate.summary', { errors: 12, warnings: 3, rows: 12500 })).toBe(
      '12 errors, 3 warnings in 12,500 rows',
    );
  });

  it('keeps strings with umlauts and tussenvoegsels untouched', () => {
    expect(translate('nl', 'validate.sourceRow', { row: 'Jürgen van der Berg' })).toBe(
      'Bronregel Jürgen van der Berg',
    );
  });

  it('leaves an unknown placeholder visible instead of printing undefined', () => {
    expect(translate('en', 'run.progress', { done: 5 })).toBe('5 of {total}');
  });
});

describe('detectLang', () => {
  it.each([
    [null, 'nl-NL', 'nl'],
    [null, 'nl-BE', 'nl'],
    [null, 'NL', 'nl'],
    [null, 'en-US', 'en'],
    [null, 'de-DE', 'en'],
    [null, undefined, 'en'],
    ['en', 'nl-NL', 'en'],
    ['nl', 'en-GB', 'nl'],
    ['fr', 'nl-NL', 'nl'],
    ['', 'en-US', 'en'],
  ] as const)('stored %s, system %s → %s', (stored, system, expected) => {
    expect(detectLang(stored, system)).toBe(expected);
  });
});
