import { describe, expect, it } from 'vitest';
import { BlockWriter, IssueDigest, issueJson } from '../../../src/main/cli/issue-report';
import type { Issue } from '../../../src/shared/issues';

const warning = (row: number): Issue => ({
  code: 'invalid-phone',
  severity: 'warning',
  row,
  message: `row ${row}: "06-1234" is not a phone number`,
});
const duplicate = (row: number): Issue => ({
  code: 'duplicate-key',
  severity: 'error',
  row,
  key: '1042',
  message: `row ${row}: mapping key "1042" also appears elsewhere`,
});

describe('IssueDigest (the human report of streamed issues)', () => {
  it('counts every issue but keeps only the first rows of each code, errors listed first', () => {
    const digest = new IssueDigest(3);
    for (let row = 2; row <= 100_001; row++) digest.add(warning(row));
    // Cross-row issues arrive at the end, for rows far apart.
    digest.add(duplicate(90_000));
    digest.add(duplicate(5));
    expect(digest.total).toBe(100_002);
    expect(digest.blocking).toBe(true);
    const groups = digest.sortedGroups();
    expect(groups.map((g) => [g.code, g.count])).toEqual([
      ['duplicate-key', 2],
      ['invalid-phone', 100_000],
    ]);
    expect(groups[0]!.shown.map((i) => i.row)).toEqual([5, 90_000]);
    expect(groups[1]!.shown.map((i) => i.row)).toEqual([2, 3, 4]);
  });

  it('is not blocking with warnings only', () => {
    const digest = new IssueDigest();
    digest.add(warning(7));
    expect(digest.blocking).toBe(false);
  });
});

describe('issueJson and BlockWriter', () => {
  it('writes issues in blocks that join to one JSON document', () => {
    const blocks: string[] = [];
    const out = new BlockWriter((t) => blocks.push(t));
    out.write('[');
    for (let row = 2; row < 3_000; row++) out.write(`${row === 2 ? '' : ','}${issueJson(warning(row))}`);
    out.write(']');
    out.flush();
    expect(blocks.length).toBeGreaterThan(1);
    const parsed = JSON.parse(blocks.join('')) as { row: number; key: null; code: string }[];
    expect(parsed).toHaveLength(2_998);
    expect(parsed[0]).toEqual({
      code: 'invalid-phone',
      severity: 'warning',
      row: 2,
      key: null,
      field: null,
      message: 'row 2: "06-1234" is not a phone number',
    });
  });
});
