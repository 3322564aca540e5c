/** Value types as the graph editor and the docs show them; `any` accepts everything. */
export type ValueType = 'text' | 'number' | 'boolean' | 'date' | 'list' | 'any';

export interface ParamSpec {
  name: string;
  type: ValueType;
  /** May be left out (only trailing parameters are optional). */
  optional?: boolean;
  /**
   * Repeats. A run of consecutive variadic parameters repeats as a group (Switch's key/value pairs); the group
   * must appear at least once unless it is also `optional`.
   */
  variadic?: boolean;
  /** Must be written as a literal (a ValueMap table name, a date format); checked when the mapping compiles. */
  literalOnly?: boolean;
}

/** What the graph editor, the docs and the arity check know about a function. */
export interface FunctionSpec {
  /** Canonical casing; calls are matched case-insensitively. */
  name: string;
  params: readonly ParamSpec[];
  returns: ValueType;
  description: { en: string; nl: string };
  example: string;
}
