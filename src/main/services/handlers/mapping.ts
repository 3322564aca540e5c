import type { ValidationResult, WorkbenchHandlers } from '../../../shared/api/contract';
import { mapRecords } from '../../../shared/engine/run';
import { sourceSchema } from '../../../shared/mapping/schema';
import { BUDGET_MS, withinBudget } from '../../security/budget';
import type { ServiceContext } from '../context';
import { checkDraft, countIssues } from '../mapping-draft';
import { readWholeSource } from '../source-reading';

/** The renderer never holds more bad rows than this; counts still cover every row. */
const MAX_ROWS_RETURNED = 5000;

/** Validation (every row of the source, in the main process) and the live preview on sample rows. */
export function mappingHandlers(
  ctx: ServiceContext,
): Pick<WorkbenchHandlers, 'mapping:validate' | 'mapping:preview'> {
  return {
    'mapping:validate': async ({
      mapping,
      records,
      projectPath,
      today,
      taskId,
    }): Promise<ValidationResult> => {
      const v = checkDraft(mapping);
      if (!v.ok) {
        // No usable mapping yet (a fresh CSV project): still read every row, so bad rows show before mapping.
        const source = sourceSchema.safeParse(mapping.source);
        if (records || !source.success)
          return { problems: v.problems, issues: [], issueCounts: {}, summary: null };
        return ctx.tasks.run(taskId, 'validation', async (task) => {
          const whole = await readWholeSource(
            ctx,
            { source: source.data, mappingKey: { attribute: mapping.mappingKey?.attribute ?? '' } },
            projectPath ?? null,
            task,
          );
          const rows = new Set(whole.issues.flatMap((i) => (i.row === undefined ? [] : [i.row])));
          return {
            problems: v.problems,
            issues: whole.issues,
            issueCounts: countIssues(whole.issues),
            summary: null,
            complete: true,
            records: whole.records.filter((r) => rows.has(r.row)).slice(0, MAX_ROWS_RETURNED),
          };
        });
      }
      const day = today ?? ctx.today(v.compiled.timeZone);
      if (records) {
        const result = mapRecords(
          v.compiled,
          withinBudget(records, BUDGET_MS.sample, 'validation', ctx.budgetClock),
          {
            today: day,
          },
        );
        return {
          problems: [],
          issues: result.issues,
          issueCounts: countIssues(result.issues),
          summary: result.summary,
          complete: false,
        };
      }
      // The whole source, read in the main process: the renderer never holds 100k rows.
      return ctx.tasks.run(taskId, 'validation', async (task) => {
        const whole = await readWholeSource(ctx, v.mapping, projectPath ?? null, task);
        const result = mapRecords(
          v.compiled,
          withinBudget(whole.records, BUDGET_MS.whole, 'validation', ctx.budgetClock),
          { today: day, ...(whole.headers ? { headers: whole.headers } : {}) },
          whole.issues,
        );
        const rows = new Set(
          result.issues.flatMap((i) => (i.row === undefined ? [] : [i.row, ...(i.rows ?? [])])),
        );
        return {
          problems: [],
          issues: result.issues,
          issueCounts: countIssues(result.issues),
          summary: result.summary,
          complete: true,
          records: whole.records.filter((r) => rows.has(r.row)).slice(0, MAX_ROWS_RETURNED),
        };
      });
    },

    'mapping:preview': async ({ mapping, records, today }) => {
      const v = checkDraft(mapping);
      if (!v.ok) return { outcomes: [], issues: [], summary: null, problems: v.problems };
      const result = mapRecords(
        v.compiled,
        withinBudget(records, BUDGET_MS.preview, 'preview', ctx.budgetClock),
        {
          today: today ?? ctx.today(v.compiled.timeZone),
          trace: true,
        },
      );
      return { outcomes: result.outcomes, issues: result.issues, summary: result.summary, problems: [] };
    },
  };
}
