// The wording of a mapping-file problem is shared with the CLI: one function in src/shared.
export { describeProblem } from '../../../../shared/mapping/problem-text';
