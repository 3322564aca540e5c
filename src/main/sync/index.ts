export { applyPlan, type ApplyOptions, type ApplyProgress, type ApplyResult } from './apply';
export { Journal, planId, readJournal } from './journal';
export { reportToCsv, type ReportLine, type RunReport, type OpResult } from './report';
export { buildPlan, readTargetState, type BuildPlanOptions } from './plan';
