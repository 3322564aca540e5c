import type { RunReport } from '../../shared/api/contract';
import type { MappingFile } from '../../shared/mapping/schema';
import type { Plan } from '../../shared/plan/types';
import type { BuildPlanOptions } from '../sync/plan';

export interface StoredPlan {
  plan: Plan;
  mapping: MappingFile;
  /** What the plan was computed from, to plan again when the consultant lifts the mass-deactivation guard. */
  input: Omit<BuildPlanOptions, 'client'>;
}

export interface RunState {
  report: RunReport;
  controller: AbortController;
  log: string[];
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
