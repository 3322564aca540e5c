import {
  refuse,
  PLAN_ACTIONS,
  type PlanAction,
  type PlanChangeView,
  type PlanView,
  type WorkbenchHandlers,
} from '../../../shared/api/contract';
import { mapRecords } from '../../../shared/engine/run';
import { BUDGET_MS, withinBudget } from '../../security/budget';
import type { Issue } from '../../../shared/issues';
import type { Plan, PlanChange } from '../../../shared/plan/types';
import { buildPlan, type BuildPlanOptions } from '../../sync/plan';
import { newId, type ServiceContext } from '../context';
import { checkDraft } from '../mapping-draft';
import { readWholeSource } from '../source-reading';
import { connectTarget } from '../target-client';

/** The plan as the renderer's table shows it: one row per user, group additions folded into their user. */
export function toPlanView(
  planId: string,
  plan: Plan,
  issues: Issue[],
  summary: PlanView['summary'],
): PlanView {
  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
  const byKey = new Map<string, PlanChangeView>();
  const rows: PlanChangeView[] = [];
  const actionOf = (c: PlanChange): PlanAction | null => {
    switch (c.action) {
      case 'noop':
        return 'unchanged';
      case 'skipped':
        return 'skip';
      case 'conflict':
        return 'error';
      case 'groupAdd':
      case 'createGroup':
        return null;
      default:
        return c.action;
    }
  };
  for (const c of plan.changes) {
    const action = actionOf(c);
    if (action === null) {
      if (c.action === 'groupAdd' && c.key && c.group) {
        const owner = byKey.get(c.key);
        if (owner) (owner.groupsAdded ??= []).push(c.group);
      }
      continue;
    }
    counts[action]++;
    const view: PlanChangeView = {
      key: c.key ?? c.op,
      action,
      ...(c.row !== undefined ? { row: c.row } : {}),
      userName: c.userName ?? null,
      // The person's name, so the Plan and Run steps name who a line is about (a conflict writes no fields).
      ...(c.name ? { displayName: c.name } : {}),
      changes: (c.fields ?? []).map((f) => ({ path: f.path, from: f.before, to: f.after })),
      reason: c.reason,
      ...(c.reasons?.length ? { reasons: c.reasons } : {}),
      ...(c.warnings?.length ? { warnings: c.warnings } : {}),
      ...(c.warningMessages?.length ? { warningMessages: c.warningMessages } : {}),
    };
    rows.push(view);
    if (c.key) byKey.set(c.key, view);
  }
  return {
    planId,
    counts,
    changes: rows,
    safety: {
      ok: plan.safety.ok,
      reasons: plan.safety.reasons,
      ...(plan.safety.messages ? { messages: plan.safety.messages } : {}),
    },
    issues,
    summary,
    target: plan.target.url,
    ...(plan.target.warnings?.length
      ? {
          targetWarnings: plan.target.warnings,
          ...(plan.target.warningMessages ? { targetWarningMessages: plan.target.warningMessages } : {}),
        }
      : {}),
    ...(plan.manualAssignment ? { manualAssignment: plan.manualAssignment } : {}),
  };
}

/** `plan:compute`: the whole source through the engine, then a dry run against the target. */
export function planHandlers(ctx: ServiceContext): Pick<WorkbenchHandlers, 'plan:compute'> {
  return {
    'plan:compute': async ({ mapping: draft, projectPath, today, taskId }) => {
      const v = checkDraft(draft);
      if (!v.ok)
        throw refuse(
          'invalid-request',
          `the mapping has problems: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
          'refusal.mappingProblems',
          { n: v.problems.length },
        );
      return ctx.tasks.run(taskId, 'planning', async (task) => {
        const day = today ?? ctx.today(v.compiled.timeZone);
        const mapping = v.mapping;
        const whole = await readWholeSource(ctx, mapping, projectPath ?? null, task);
        const result = mapRecords(
          v.compiled,
          withinBudget(whole.records, BUDGET_MS.whole, 'planning', ctx.budgetClock),
          { today: day, ...(whole.headers ? { headers: whole.headers } : {}) },
          whole.issues,
        );
        ctx.emit('task:progress', { taskId: task.id, label: 'target', done: 0, total: null });
        const target = await connectTarget(ctx, mapping);
        const input: Omit<BuildPlanOptions, 'client'> = {
          mapping,
          result,
          sourceRows: result.summary.rows,
          today: day,
          targetLabel: target.label,
        };
        let plan: Plan;
        try {
          plan = await buildPlan({
            ...input,
            client: target.client,
            signal: task.signal,
          });
        } finally {
          target.client.close();
        }
        const planId = newId('plan');
        ctx.plans.set(planId, { plan, mapping, input });
        ctx.emit('task:progress', { taskId: task.id, label: 'plan', done: 1, total: 1 });
        return toPlanView(planId, plan, result.issues, result.summary);
      });
    },
  };
}
