export { applyPlan, type ApplyOptions, type ApplyProgress, type ApplyResult } from './apply';
export { Journal, planId, readJournal } from './journal';
export {
  reportToCsv,
  reportRows,
  reasonText,
  type ReportLine,
  type ReportRow,
  type RunReport,
  type RunStatus,
  type OpResult,
} from './report';
export { dailyStatePath, readDailyState, writeDailyState, nextDailyState, type DailyState } from './state';
export {
  buildPlan,
  planFromMapping,
  readTargetState,
  type BuildPlanOptions,
  type PlanFromMappingOptions,
} from './plan';
export { resolveTarget, checkTargetUrl, type ResolvedTarget, type TargetRequest } from './target';
export { progressLine, terminalProgress } from './progress-bar';
export { defaultSandboxDir } from '../data-dir';
