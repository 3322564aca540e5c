import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/shared/api/client';
import type { PlanView, SourceSample, ValidationResult } from '../../../src/shared/api/contract';
import type { Issue } from '../../../src/shared/issues';
import { said } from '../../../src/shared/i18n';
import { proposeProject } from '../../../src/shared/project/propose';
import { MemorySecretStore } from '../../../src/main/services/secret-store';
import { createWorkbenchService, type WorkbenchService } from '../../../src/main/services/workbench-service';
import {
  errorRows,
  errorsByRow,
  planReason,
  reconcilePlan,
  sourceRowCounts,
  unreadableRows,
} from '../../../src/renderer/src/app/logic/counts';
import { generateHrExport } from '../../fixtures/hr-export';

const issue = (code: string, row: number | undefined, severity: Issue['severity'], rows?: number[]): Issue =>
  ({ code, row, severity, message: code, ...(rows ? { rows } : {}) }) as Issue;

describe('row counts between the steps (pure)', () => {
  it('counts an unreadable row and an empty row as rows of the file, not a header problem', () => {
    const issues = [
      issue('long-row', 189, 'error'),
      issue('unterminated-quote', 40, 'error', [40, 41, 42]),
      issue('encoding', 231, 'warning'),
      issue('duplicate-header', 1, 'error'),
      issue('empty-row', 250, 'info'),
    ];
    expect([...unreadableRows(issues)].sort((a, b) => a - b)).toEqual([40, 41, 42, 189]);
    expect(sourceRowCounts({ totalRecords: 245, issues })).toEqual({ rows: 250, unreadable: 4 });
  });

  it('tells error rows skipped by the plan from unreadable rows, other skips and conflicts with Plek', () => {
    const issues = [
      issue('duplicate-key', 42, 'error', [42, 43]),
      issue('invalid-email', 106, 'error'),
      issue('long-row', 189, 'error'),
      issue('leaving-later', 7, 'info'),
    ];
    expect([...errorRows(issues)]).toEqual([42, 43, 106, 189]);
    const change = (row: number, action: PlanView['changes'][number]['action']) => ({
      key: String(row),
      row,
      action,
      changes: [],
    });
    const plan = {
      issues,
      summary: null,
      changes: [
        change(4, 'error'),
        change(7, 'create'),
        change(26, 'skip'),
        change(42, 'skip'),
        change(43, 'skip'),
        change(106, 'skip'),
      ],
    };
    expect(reconcilePlan(plan)).toEqual({
      rows: null,
      errorRows: 3,
      unreadable: 1,
      otherSkipped: 1,
      planErrors: 1,
    });
  });
});

describe('plan reasons in the interface language', () => {
  const empty: Issue = {
    code: 'empty-key',
    severity: 'error',
    row: 15,
    message: 'row 15: the mapping key "Personeelsnummer" is empty; …',
    params: { id: 'issue.empty-key.text', row: 15, attribute: 'Personeelsnummer' },
  };
  it('words a row skipped for its errors by its first error, as Validate does', () => {
    const reason = planReason(
      { action: 'skip', row: 15, reason: `error: ${empty.message}` },
      errorsByRow([empty]),
      'nl',
    );
    expect(reason).toMatch(/^overgeslagen door een fout: /);
    expect(reason).toContain('Personeelsnummer');
    expect(reason).not.toMatch(/the mapping key|is empty/);
  });
  it('words the plan’s own reasons from their codes, and keeps an uncoded (old) reason as written', () => {
    const errors = errorsByRow([]);
    const inactive = {
      action: 'skip' as const,
      row: 26,
      reason:
        'inactive in the source (deactivation.inactiveWhen is true ([Status] = "Inactief")) and not in Plek: not created',
      reasons: [
        said('report.reason.notCreatedInactive', {
          why: [said('report.reason.inactiveWhen', { rule: '[Status] = "Inactief"' })],
        }),
      ],
    };
    expect(planReason(inactive, errors, 'nl')).toBe(
      'niet aangemaakt: inactief in de bron (gedeactiveerd omdat [Status] = "Inactief")',
    );
    expect(planReason(inactive, errors, 'en')).toBe(
      'not created: inactive in the source (deactivated because [Status] = "Inactief")',
    );
    const update = {
      action: 'update' as const,
      reason: '1 field changed; leaving on 2027-06-30',
      reasons: [
        said('report.reason.fieldsChanged', { n: 1 }),
        said('report.reason.leavingOn', { date: '2027-06-30' }),
      ],
    };
    expect(planReason(update, errors, 'nl')).toBe('1 veld gewijzigd, vertrekt op 30-06-2027');
    expect(
      planReason({ ...update, reasons: [said('report.reason.fieldsChanged', { n: 3 })] }, errors, 'en'),
    ).toBe('3 fields changed');
    expect(planReason({ action: 'skip', reason: 'something an old plan said' }, errors, 'nl')).toBe(
      'something an old plan said',
    );
  });
});

/** The same generated export through the service, the way the renderer walks Source → Validate → Plan. */
describe('Source, Validate and Plan agree on a messy generated export', () => {
  let dir: string;
  let service: WorkbenchService;
  let sample: SourceSample;
  let validation: ValidationResult;
  let plan: PlanView;
  let planted: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plek-counts-'));
    service = createWorkbenchService({
      dataDir: dir,
      resourcesDir: join(process.cwd(), 'resources'),
      secrets: new MemorySecretStore(),
      mode: 'browser',
      env: {},
    });
    const exported = generateHrExport({ rows: 300, seed: 7, defects: true, encoding: 'windows-1252' });
    planted = exported.rows;
    const uploaded = unwrap(
      await service.api.source.upload({
        fileName: 'personeel.csv',
        contentBase64: Buffer.from(exported.bytes).toString('base64'),
      }),
    );
    const doc = unwrap(
      await service.api.project.new({
        name: 'personeel',
        source: { kind: 'csv', path: uploaded.path, encoding: 'auto', delimiter: 'auto' },
      }),
    );
    sample = unwrap(
      await service.api.source.sample({ source: doc.mapping.source as never, limit: 2000, taskId: 's' }),
    );
    const mapping = proposeProject(doc.mapping, sample.attributes, sample.records);
    const today = '2026-11-23';
    validation = unwrap(await service.api.mapping.validate({ mapping, today, taskId: 'v' }));
    plan = unwrap(await service.api.plan.compute({ mapping, today, taskId: 'p' }));
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts the same rows on every step', () => {
    const source = sourceRowCounts(sample);
    expect(source.unreadable).toBeGreaterThan(0);
    expect(validation.summary?.rows).toBe(source.rows);
    expect(plan.summary?.rows).toBe(source.rows);
    expect(source.rows).toBeGreaterThanOrEqual(planted - 1);
  });

  it('accounts for every row: a plan line, or unreadable', () => {
    const r = reconcilePlan(plan);
    const withRow = plan.changes.filter((c) => c.row !== undefined).length;
    expect(withRow + r.unreadable).toBe(r.rows);
    // Every row Validate counts as an error row is a skipped plan line or an unreadable row.
    const bad = errorRows([...sample.issues, ...validation.issues]).size;
    expect(r.errorRows + r.unreadable).toBe(bad);
    expect(r.errorRows).toBeGreaterThan(3);
  });
});
