/** A value as it comes from a source: CSV cells are strings, directory attributes may be multi-valued. */
export type SourceValue = string | string[] | null;

/** One input record. Every record a source yields ends up mapped, skipped with a reason, or reported. */
export interface SourceRecord {
  /** Spreadsheet row number (header = row 1) for CSV; 1-based entry index for LDAP. */
  row: number;
  /** Where the record came from, for messages: a file name or a DN. */
  ref?: string;
  values: Record<string, SourceValue>;
  /**
   * The same values in compact form (CSV): cells in column order and a name → column table shared by all records
   * of the source. Readers that handle many rows use these; `values` may then be built only when first read.
   */
  cells?: readonly SourceValue[];
  columns?: ReadonlyMap<string, number>;
  /**
   * True when the reader knows that no value of the record holds a "?" (no cell of its chunk does): the engine then
   * need not look for letters an export's code page lost. Unset: not known.
   */
  noQuestionMark?: boolean;
}

/** A source attribute as discovered by sampling, for `init` and the graph editor. */
export interface SourceAttribute {
  name: string;
  /** Share of sampled records with a non-empty value, 0..1. */
  fillRate: number;
  examples: string[];
  multiValued?: boolean;
  /** Binary attributes are shown as a note, never as mojibake. */
  binary?: boolean;
}
