import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/shared/issues';
import {
  countBySeverity,
  csvField,
  filterIssues,
  groupIssues,
  issuesToCsv,
  uniqueIssues,
} from '../../../src/renderer/src/app/logic/issues';

const issues: Issue[] = [
  {
    code: 'invalid-email',
    severity: 'error',
    row: 7,
    key: '10007',
    field: 'E-mail',
    message: 'geen geldig e-mailadres: "jan@@example.nl"',
  },
  {
    code: 'duplicate-key',
    severity: 'error',
    row: 12,
    rows: [12, 40],
    key: '10012',
    message: 'Personeelsnummer 10012 komt vaker voor',
  },
  {
    code: 'invalid-email',
    severity: 'error',
    row: 3,
    key: '10003',
    field: 'E-mail',
    message: 'leeg e-mailadres',
  },
  { code: 'leaving-later', severity: 'info', row: 9, key: '10009', message: 'gaat uit dienst op 31-12-2026' },
  {
    code: 'invalid-phone',
    severity: 'warning',
    row: 5,
    key: '10005',
    field: 'Mobiel',
    message: 'onbekend nummer "06-123"',
  },
  { code: 'encoding', severity: 'warning', message: 'Windows-1252 herkend: "Müller" bevat niet-UTF-8 bytes' },
];

describe('groupIssues', () => {
  it('groups by code with counts, errors first then by size, rows sorted', () => {
    const groups = groupIssues(issues);
    expect(groups.map((g) => [g.code, g.issues.length, g.severity])).toEqual([
      ['invalid-email', 2, 'error'],
      ['duplicate-key', 1, 'error'],
      ['encoding', 1, 'warning'],
      ['invalid-phone', 1, 'warning'],
      ['leaving-later', 1, 'info'],
    ]);
    expect(groups[0]?.issues.map((i) => i.row)).toEqual([3, 7]);
  });

  it('takes the worst severity of mixed groups', () => {
    const groups = groupIssues([
      { code: 'missing-required', severity: 'warning', row: 2, message: 'a' },
      { code: 'missing-required', severity: 'error', row: 4, message: 'b' },
    ]);
    expect(groups[0]).toMatchObject({ severity: 'error', errors: 1, warnings: 1 });
  });

  it('returns nothing for no issues', () => {
    expect(groupIssues([])).toEqual([]);
  });
});

describe('countBySeverity', () => {
  it('counts each severity', () => {
    expect(countBySeverity(issues)).toEqual({ errors: 3, warnings: 2, infos: 1 });
  });
});

describe('filterIssues', () => {
  it('matches message, field and key text case-insensitively', () => {
    expect(filterIssues(issues, 'MÜLLER').map((i) => i.code)).toEqual(['encoding']);
    expect(filterIssues(issues, 'mobiel').map((i) => i.row)).toEqual([5]);
  });
  it('matches a row number exactly, also among the other rows of a duplicate', () => {
    expect(filterIssues(issues, '40').map((i) => i.code)).toEqual(['duplicate-key']);
    expect(filterIssues(issues, '7').map((i) => i.row)).toEqual([7]);
  });
  it('returns everything for blank input', () => {
    expect(filterIssues(issues, '   ')).toHaveLength(issues.length);
  });
});

describe('issuesToCsv', () => {
  const headers = {
    row: 'Regel',
    key: 'Mapping key',
    field: 'Veld',
    title: 'Probleem',
    code: 'Code',
    severity: 'Ernst',
    message: 'Melding',
  };

  it('writes a BOM, a header and one semicolon line per issue in row order', () => {
    const csv = issuesToCsv(issues, headers);
    expect(csv.startsWith('\uFEFFRegel;Mapping key;Veld;Probleem;Code;Ernst;Melding\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(issues.length + 1);
    // the file-level issue (no row) comes first, then rows ascending
    expect(lines[1]).toBe(
      ';;;encoding;encoding;warning;"Windows-1252 herkend: ""Müller"" bevat niet-UTF-8 bytes"',
    );
    expect(lines[2]).toBe('3;10003;E-mail;invalid-email;invalid-email;error;leeg e-mailadres');
    expect(lines[3]).toBe('5;10005;Mobiel;invalid-phone;invalid-phone;warning;"onbekend nummer ""06-123"""');
  });

  it("words the problem, severity and field in the reader's language, keeping the code", () => {
    const csv = issuesToCsv(issues, headers, {
      title: (code) => (code === 'invalid-email' ? 'Ongeldig e-mailadres' : code),
      severity: (sev) => (sev === 'error' ? 'fout' : sev),
      field: (f) => (f === 'E-mail' ? 'E-mail (werk)' : f),
      message: (i) => i.message,
    });
    expect(csv).toContain(
      '\r\n3;10003;E-mail (werk);Ongeldig e-mailadres;invalid-email;fout;leeg e-mailadres\r\n',
    );
  });

  it('defuses formula-looking cells and quotes delimiters', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe(`'-5`);
    expect(csvField('van der Berg; Jan')).toBe('"van der Berg; Jan"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });
});

describe('uniqueIssues', () => {
  it('drops a problem reported twice but keeps different messages on the same row', () => {
    const dup: Issue = {
      code: 'duplicate-email',
      severity: 'error',
      row: 141,
      field: 'E-mailadres',
      message: 'linda.degraaf@gemeente-voorbeeld.nl ook in regel 142',
    };
    const other: Issue = { ...dup, message: 'linda.degraaf@gemeente-voorbeeld.nl ook in regel 150' };
    expect(uniqueIssues([dup, { ...dup }, other, dup])).toEqual([dup, other]);
  });
  it('keeps a file-level issue and a row issue with the same text apart', () => {
    const fileLevel: Issue = { code: 'encoding', severity: 'warning', message: 'Windows-1252' };
    expect(uniqueIssues([fileLevel, { ...fileLevel, row: 3 }])).toHaveLength(2);
  });
});
