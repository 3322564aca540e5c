import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { refuse, type MessageRef, type WorkbenchHandlers } from '../../../shared/api/contract';
import {
  flattenMessage,
  format,
  formatMessages,
  formatNumber,
  formatRef,
  type CodedMessage,
  type Lang,
  type MessageId,
} from '../../../shared/i18n';
import { RESULT_MESSAGE_IDS, warningTexts } from '../../../shared/plan/messages';
import type { Plan } from '../../../shared/plan/types';
import { failureMessage } from '../../scim/errors';
import { applyPlan } from '../../sync/apply';
import { buildPlan } from '../../sync/plan';
import { reportToCsv } from '../../sync/report';
import { newId, type ServiceContext } from '../context';
import type { RunState, StoredPlan } from '../run-state';
import { connectTarget, type TargetConnection } from '../target-client';

/**
 * The run's plain-text report in a language (the interface's when the workbench asks for it): header, counts,
 * warnings about Plek, failures with what happened, then the log. Technical details (HTTP status, the server's
 * own words) stay as Plek sent them.
 */
export function reportText(state: RunState, lang: Lang = 'nl'): string {
  const r = state.report;
  const failures = r.failures.map((f) => {
    const why = f.messages?.length ? formatMessages(lang, f.messages) : f.message;
    return `  ${f.key}: ${why}`;
  });
  const warnings = warningTexts(
    {
      ...(r.targetWarnings ? { warnings: r.targetWarnings } : {}),
      ...(r.targetWarningMessages ? { warningMessages: r.targetWarningMessages } : {}),
    },
    lang,
  );
  const lines = [
    format(lang, 'run.report.run', { id: r.runId }),
    format(lang, 'run.report.target', { target: r.target }),
    format(lang, 'run.report.started', { at: r.startedAt }),
    format(lang, 'run.report.finished', { at: r.finishedAt ?? '-' }),
    format(lang, 'run.report.status', { status: format(lang, `run.status.${r.status}`) }),
    '',
    ...Object.entries(r.counts).map(
      ([k, n]) =>
        `${RESULT_MESSAGE_IDS[k] ? format(lang, RESULT_MESSAGE_IDS[k]) : k}: ${formatNumber(lang, n)}`,
    ),
    ...(warnings.length
      ? [
          '',
          `${format(lang, 'run.targetWarnings', { n: warnings.length })}:`,
          ...warnings.map((w) => `  ${w}`),
        ]
      : []),
    ...(failures.length ? ['', format(lang, 'run.report.failures'), ...failures] : []),
    '',
    `${format(lang, 'run.log')}:`,
    ...state.log.map(
      (l) =>
        `${l.at} ${format(lang, `run.level.${l.level}`)} ${(l.detail && formatRef(lang, l.detail)) ?? l.message}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Coded messages with every text parameter passed through the redactor (a server's detail may echo a value). */
function redactMessages(ctx: ServiceContext, list: readonly CodedMessage[]): CodedMessage[] {
  return list.map((m) => ({
    code: m.code,
    ...(m.params
      ? {
          params: Object.fromEntries(
            Object.entries(m.params).map(([k, v]) => [
              k,
              typeof v === 'string'
                ? ctx.redactor.redact(v)
                : typeof v === 'object'
                  ? redactMessages(ctx, v)
                  : v,
            ]),
          ),
        }
      : {}),
  }));
}

/** A log line as a catalogue message; its values pass the same redaction as its English text. */
function logDetail(
  ctx: ServiceContext,
  id: MessageId,
  values: Record<string, string | number>,
): MessageRef & { id: MessageId } {
  return {
    id,
    values: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? ctx.redactor.redact(v) : v]),
    ),
  };
}

/** Applies a computed plan in the background; progress, the log and the end come as events. */
export function runHandlers(
  ctx: ServiceContext,
): Pick<WorkbenchHandlers, 'run:apply' | 'run:cancel' | 'run:report'> {
  /**
   * The plan to apply: as computed, or — when the consultant confirmed a mass deactivation — planned again
   * with that guard lifted (a truncated source stays blocked: that guard cannot be overridden).
   */
  async function planToApply(stored: StoredPlan, target: TargetConnection): Promise<Plan> {
    if (stored.plan.safety.ok) return stored.plan;
    const plan = await buildPlan({
      ...stored.input,
      client: target.client,
      allowMassDeactivation: true,
    });
    if (!plan.safety.ok)
      throw refuse(
        'conflict',
        `the plan is still blocked: ${plan.safety.reasons.join('; ')}`,
        'refusal.planStillBlocked',
      );
    return plan;
  }

  return {
    'run:apply': async ({ planId, overrideSafety }) => {
      const stored = ctx.plans.get(planId);
      if (!stored)
        throw refuse(
          'not-found',
          'this plan is no longer available; compute the plan again',
          'error.planGone',
        );
      if (!stored.plan.safety.ok && !overrideSafety)
        throw refuse(
          'conflict',
          `the plan exceeds the safety thresholds: ${stored.plan.safety.reasons.join('; ')}`,
          'error.planBlocked',
        );
      const target = await connectTarget(ctx, stored.mapping);
      let plan: Plan;
      try {
        plan = await planToApply(stored, target);
      } catch (e) {
        target.client.close();
        throw e;
      }
      const runId = newId('run');
      const controller = new AbortController();
      const state: RunState = {
        controller,
        log: [],
        report: {
          runId,
          planId,
          status: 'running',
          startedAt: ctx.now().toISOString(),
          finishedAt: null,
          target: target.label,
          counts: {},
          failures: [],
          text: '',
          csv: null,
        },
      };
      ctx.runs.set(runId, state);
      const log = (level: 'info' | 'warn' | 'error', message: string, detail?: MessageRef) => {
        const line = {
          runId,
          at: ctx.now().toISOString(),
          level,
          message: ctx.redactor.redact(message),
          ...(detail ? { detail } : {}),
        };
        state.log.push({
          at: line.at,
          level,
          message: line.message,
          ...(detail ? { detail: line.detail } : {}),
        });
        if (state.log.length > 10_000) state.log.shift();
        ctx.emit('run:log', line);
      };
      const journalPath = join(ctx.folders.runs, `${planId}.journal`);
      await mkdir(dirname(journalPath), { recursive: true });
      // The count the progress counts (users, group memberships, manager follow-ups), not the plan's lines: the
      // first progress event announces it, so the log's first line and its last agree.
      let announced = false;
      let operations: number | undefined;
      let failed = 0;
      let lastTenth = -1;
      void applyPlan(plan, {
        client: target.client,
        journalPath,
        signal: controller.signal,
        // The verdict is recomputed with the mapping's thresholds; the consultant's override is the re-plan above.
        safety: {
          thresholds: stored.mapping.safety,
          ...(plan.safety.allowMassDeactivation ? { allowMassDeactivation: true } : {}),
        },
        onEvent: (p) => {
          if (!announced) {
            announced = true;
            operations = p.total;
            log(
              'info',
              `applying ${p.total} operations to ${target.label}`,
              logDetail(ctx, 'run.log.applying', { total: p.total, target: target.label }),
            );
          }
          if (p.lastOp?.result === 'failed') {
            failed++;
            const error = p.lastOp.error ?? 'failed';
            log(
              'error',
              `${p.lastOp.op}: ${error}`,
              logDetail(ctx, 'run.log.failed', {
                op: p.lastOp.op,
                error,
                ...(p.lastOp.failure ? flattenMessage('error', p.lastOp.failure) : {}),
              }),
            );
          }
          const tenth = p.total > 0 ? Math.floor((p.done / p.total) * 10) : 10;
          if (tenth !== lastTenth) {
            lastTenth = tenth;
            log(
              'info',
              `${p.done} of ${p.total} operations done`,
              logDetail(ctx, 'run.log.progress', { done: p.done, total: p.total }),
            );
          }
          ctx.emit('run:progress', {
            runId,
            done: p.done,
            total: p.total,
            failed,
            ratePerSecond: Math.round(p.rate * 10) / 10,
            etaSeconds: p.etaSeconds,
          });
        },
      })
        .then(
          (r) => {
            state.report.counts = { ...r.report.totals };
            state.report.failures = r.report.lines
              .filter((l) => l.result === 'failed' || l.result === 'conflict' || l.warning)
              .map((l) => {
                const warningOnly = l.result !== 'failed' && l.warning;
                const messages: CodedMessage[] | undefined = warningOnly
                  ? l.warningMessage && [l.warningMessage]
                  : l.errorMessages;
                return {
                  key: l.key ?? l.group ?? '',
                  message: ctx.redactor.redact(warningOnly ? l.warning! : (l.error ?? l.result)),
                  ...(messages?.length ? { messages: redactMessages(ctx, messages) } : {}),
                };
              });
            const targetWarnings = r.report.target.warnings ?? [];
            if (targetWarnings.length) {
              state.report.targetWarnings = targetWarnings.map((w) => ctx.redactor.redact(w));
              if (r.report.target.warningMessages)
                state.report.targetWarningMessages = redactMessages(ctx, r.report.target.warningMessages);
            }
            state.full = r.report;
            state.report.csv = ctx.redactor.redact(reportToCsv(r.report, 'nl'));
            state.report.status = r.aborted
              ? 'cancelled'
              : r.blocked
                ? 'failed'
                : r.status === 'completed-with-failures'
                  ? 'completed-with-failures'
                  : 'completed';
            const total = Object.values(r.report.totals).reduce((a, b) => a + b, 0);
            log(
              r.failed > 0 ? 'warn' : 'info',
              `finished: ${total} operations, ${r.failed} failed`,
              logDetail(ctx, 'run.log.finished', { total: operations ?? total, failed: r.failed }),
            );
          },
          (e: unknown) => {
            state.report.status = controller.signal.aborted ? 'cancelled' : 'failed';
            const message = e instanceof Error ? e.message : String(e);
            log(
              'error',
              message,
              logDetail(ctx, 'run.log.stopped', {
                error: message,
                ...flattenMessage('error', failureMessage(e)),
              }),
            );
          },
        )
        .finally(async () => {
          target.client.close();
          state.report.finishedAt = ctx.now().toISOString();
          state.report.text = reportText(state, 'nl');
          // HR data at rest: journals and uploads past the retention period go after each run, not only at
          // start; before "finished", so whoever waits for the run sees the folder as it stays.
          await ctx.applyRetention();
          ctx.emit('run:finished', { runId, status: state.report.status });
          if (ctx.sandbox.running) ctx.sandbox.announce();
        });
      return { runId };
    },

    'run:cancel': async ({ runId }) => {
      const state = ctx.runs.get(runId);
      if (!state) throw refuse('not-found', 'unknown run', 'refusal.unknownRun');
      if (state.report.status !== 'running') return { cancelled: false };
      state.controller.abort();
      return { cancelled: true };
    },

    'run:report': async ({ runId, lang = 'nl' }) => {
      const state = ctx.runs.get(runId);
      if (!state) throw refuse('not-found', 'unknown run', 'refusal.unknownRun');
      // Text and CSV in the language asked for (the interface's): the saved report reads as the screen does.
      return {
        ...state.report,
        text: reportText(state, lang),
        csv: state.full ? ctx.redactor.redact(reportToCsv(state.full, lang)) : state.report.csv,
      };
    },
  };
}
