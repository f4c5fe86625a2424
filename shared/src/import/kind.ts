/**
 * What a department declares to accept batch files (issue 8): one ImportKind per record type a
 * department system delivers (dibao enrolments, payments, appraisals…). The kit does the rest:
 * parsing CSV or JSON Lines, validating every row, checking the register, duplicates and
 * idempotency, and writing the good rows in one transaction.
 */

/** How one file column is read and checked. Values in files are text (CSV) or JSON scalars (JSONL). */
export type ImportColumnType =
  /** Free text; `pattern` and `maxLength` bound it. */
  | { kind: 'text'; pattern?: RegExp; maxLength?: number }
  | { kind: 'int'; min?: number; max?: number }
  /** Exact decimal yuan ('520.00', at most 2 decimals) in the file, integer fen in the table. */
  | { kind: 'money'; min?: number; max?: number }
  /** YYYY-MM-DD, a real calendar date. */
  | { kind: 'date' }
  /** true/false (also 1/0, yes/no in CSV). */
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  /** 16-digit household ID with a valid region prefix; must exist in the register (and in the caller's region). */
  | { kind: 'householdId' }
  /** `<household ID>-NN`; must exist in the register, in the household named by the row's householdId column if any. */
  | { kind: 'personId' }
  /**
   * 18-character resident ID (GB 11643, MOD 11-2 checksum). Personal data: it is resolved to the
   * person ID through the register (an authorised lookup) and only the person ID is stored, in
   * `resolvesTo` (a DB column).
   */
  | { kind: 'residentId'; resolvesTo: string }
  /** 12-digit statistical region code (2+2+2+3+3). */
  | { kind: 'regionCode' };

export interface ImportColumn {
  /** Header in the file (CSV) or key (JSONL), snake_case. */
  name: string;
  /** Target column in the table; default: `name`. Not used for residentId columns (see resolvesTo). */
  dbColumn?: string;
  type: ImportColumnType;
  /** Default true: an empty cell or a missing key is an error. Optional columns store NULL. */
  required?: boolean;
  /** One line for the column documentation (docs/import/<department>.md and `--help`). */
  description: string;
}

/** A problem with one row: the report lists these (row number, column, reason). */
export interface RowProblem {
  /** The file column at fault, or '' for the row as a whole. */
  column: string;
  reason: string;
  /** Machine-readable: INVALID_VALUE, MISSING_VALUE, INVALID_RESIDENT_ID, INVALID_REGION_CODE, NOT_IN_REGISTER, OUT_OF_SCOPE, DUPLICATE_IN_FILE, CONFLICTS_WITH_EXISTING, … */
  code: string;
}

/** One row after column parsing: file column name → typed value (fen as number for money, null when empty). */
export type ParsedRow = Record<string, string | number | boolean | null>;

export interface ImportKind {
  /** As typed after `--kind`: 'dibao', 'payments'… */
  name: string;
  /** One line: what a row is. */
  description: string;
  /** Target table (unqualified: the department's schema is on the search_path). */
  table: string;
  columns: readonly ImportColumn[];
  /**
   * File columns that identify a record (a UNIQUE key of the table). A row whose key is already in
   * the table with the same values is unchanged (re-running a file changes nothing); with other
   * values it is rejected (CONFLICTS_WITH_EXISTING); a key twice in one file is DUPLICATE_IN_FILE.
   */
  naturalKey: readonly string[];
  /** Constant DB values every row gets (e.g. a programme or a source). */
  fixed?: Readonly<Record<string, string | number | boolean | null>>;
  /** Cross-column rules the table's CHECK constraints enforce, so that no row fails at INSERT time. */
  validateRow?: (row: ParsedRow) => RowProblem[];
  /** Sample file shipped with the department, relative to its package (e.g. 'samples/dibao.csv'). */
  sampleFile: string;
}
