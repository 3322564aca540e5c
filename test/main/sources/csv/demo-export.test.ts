import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../../../src/main/sources/csv/read-csv';
import { DEMO_OPTIONS } from '../../../../scripts/generate-demo';
import { generateHrExport, HR_HEADERS_NL } from '../../../fixtures/hr-export';

const demoPath = new URL('../../../../resources/demo/hr-export.csv', import.meta.url);

describe('resources/demo/hr-export.csv', () => {
  it('is what scripts/generate-demo.ts generates (regenerate it after changing the generator)', async () => {
    const committed = await readFile(demoPath);
    expect(committed.equals(Buffer.from(generateHrExport(DEMO_OPTIONS).bytes))).toBe(true);
  });

  it('reads as a Dutch Excel export and reports its layout defects on the rows the README lists', async () => {
    const { defects, rows } = generateHrExport(DEMO_OPTIONS);
    const csv = await openCsv(demoPath.pathname);
    expect(csv.info).toMatchObject({
      file: 'hr-export.csv',
      encoding: 'windows-1252',
      delimiter: ';',
      headers: [...HR_HEADERS_NL],
      issues: [],
    });
    let records = 0;
    const issues: [string, number | undefined][] = [];
    for await (const e of csv.events) {
      if (e.kind === 'record') records++;
      else issues.push([e.issue.code, e.issue.row]);
    }
    expect(records).toBe(rows - 1); // the long row is skipped
    expect(issues).toEqual(
      defects.filter((d) => d.kind === 'long-row' || d.kind === 'encoding').map((d) => [d.kind, d.row]),
    );
  });
});
