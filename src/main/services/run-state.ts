import type { MessageRef, RunReport } from '../../shared/api/contract';
import type { MappingFile } from '../../shared/mapping/schema';
import type { Plan } from '../../shared/plan/types';
import type { BuildPlanOptions } from '../sync/plan';
import type { RunReport as SyncRunReport } from '../sync/report';

export interface StoredPlan {
  plan: Plan;
  mapping: MappingFile;
  /** What the plan was computed from, to plan again when the consultant lifts the mass-deactivation guard. */
  input: Omit<BuildPlanOptions, 'client'>;
}

/** One line of a run's log: English text, and the same as a catalogue message when it has one. */
export interface RunLogEntry {
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  detail?: MessageRef;
}

export interface RunState {
  report: RunReport;
  controller: AbortController;
  log: RunLogEntry[];
  /** The sync's own report once the run finished: the CSV and the text are worded from it per language. */
  full?: SyncRunReport;
}

/** The last few computed plans, by id: each may hold 100k changes, so older ones are dropped. */
export class PlanStore {
  private readonly plans = new Map<string, StoredPlan>();
  constructor(private readonly keep = 3) {}

  get(planId: string): StoredPlan | undefined {
    return this.plans.get(planId);
  }

  set(planId: string, stored: StoredPlan): void {
    this.plans.set(planId, stored);
    for (const id of [...this.plans.keys()].slice(0, Math.max(0, this.plans.size - this.keep)))
      this.plans.delete(id);
  }
}

/** Runs of this session, by id, for progress, cancel and the report. */
export class RunStore {
  private readonly runs = new Map<string, RunState>();

  get(runId: string): RunState | undefined {
    return this.runs.get(runId);
  }

  set(runId: string, state: RunState): void {
    this.runs.set(runId, state);
  }

  abortAll(): void {
    for (const r of this.runs.values()) r.controller.abort();
  }
}
