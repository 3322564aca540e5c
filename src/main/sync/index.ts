export { applyPlan, type ApplyOptions, type ApplyProgress, type ApplyResult } from './apply';
export { Journal, planId, readJournal } from './journal';
export { reportToCsv, type ReportLine, type RunReport, type OpResult } from './report';
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
