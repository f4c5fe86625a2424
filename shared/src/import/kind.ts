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
  /**
   * Exact decimal yuan ('520.00', at most 2 decimals) in the file, integer fen in the table.
   * `min` and `max` are in fen, like the table (and like ParsedRow values).
   */
  | { kind: 'money'; min?: number; max?: number }
  /**
   * YYYY-MM-DD, a real calendar date; optionally not before `min`, not after `max` (YYYY-MM-DD)
   * and not in the future.
   */
  | { kind: 'date'; min?: string; max?: string; notInFuture?: boolean }
  /**
   * A decimal number that is not money (an area in m²): at most `scale` decimals, stored as
   * numeric. ParsedRow holds the text as written ('85.5'); the table comparison is numeric.
   */
  | { kind: 'decimal'; scale: number; min?: number; max?: number }
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
  | { kind: 'regionCode' }
  /**
   * Several person IDs (CSV: separated by `;`, JSON Lines: an array), each in the register and in
   * the row's household, none twice. Stored one row each in a child table (`storedIn`), linked to
   * the record by its ID (the kind's recordId column), e.g. the persons a dibao enrolment covers.
   */
  | { kind: 'personIdList'; min?: number; max?: number; storedIn: ImportChildTable };

/** Where a personIdList column's persons go: one row per person and record. */
export interface ImportChildTable {
  table: string;
  /** The child column holding the record's ID (the kind's recordId column). */
  recordColumn: string;
  /** The child column holding the person ID. */
  personColumn: string;
  /** Other child columns copied from the record: child column → the record's column. */
  copy?: Readonly<Record<string, string>>;
}

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
export type ParsedRow = Record<string, string | number | boolean | null | readonly string[]>;

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
  /**
   * DB columns computed from each valid row after validateRow: defaults for empty optional cells,
   * codes looked up in a table, a value stored in two columns. A computed column may also be the
   * `dbColumn` of a file column: the computed value wins (return the cell's value to keep it).
   */
  computed?: readonly ImportComputedColumn[];
  /**
   * The record's ID, for tables whose IDs carry the household ID: `prefix + household + infix + NN`
   * (dibao `DB-<household>-01`: prefix 'DB-'; `<household>-A01`: infix '-A'), the next free
   * numbers of each household in file order. Needs a householdId column.
   */
  recordId?: ImportRecordId;
  /**
   * Rules between rows and against the table beyond the natural key (overlapping periods, a
   * partial unique index…), so that no row fails at INSERT time. Run in order on the rows still
   * to be written, after the register, duplicate and natural-key checks.
   */
  checks?: readonly ImportCheck[];
  /**
   * SQL statements run in order after the INSERT, in the import's transaction (never on a dry
   * run or an all-or-nothing rollback), with `import_new` holding the rows just written: e.g.
   * recompute a maintained per-household flag.
   */
  afterWrite?: readonly string[];
  /**
   * The register's tables (household, person) are in this department's own schema (the poverty
   * office): households, persons and resident IDs are checked in SQL in the import's transaction
   * rather than asked of the poverty office over HTTP — which, on the embedded PGlite, would wait
   * for this very transaction.
   */
  localRegister?: boolean;
}

export interface ImportRecordId {
  column: string;
  /** Default ''. */
  prefix?: string;
  /** Between the household ID and the number; default '-'. */
  infix?: string;
  /** Width of the number, zero-padded. */
  digits: number;
  /** The highest number a household's records may reach; default 10^digits − 1. Rows past it are rejected (NO_NUMBERS_LEFT). */
  max?: number;
  /**
   * The department's own writes number records under pg_advisory_xact_lock(hashtext(lockKey ||
   * household)); the import takes the same locks. Default '<department>:'.
   */
  lockKey?: string;
}

/** SQL types of computed columns (the staged value's type; INSERT casts it to the table's). */
export type ImportSqlType = 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'date';

export interface ImportComputedColumn {
  dbColumn: string;
  type: ImportSqlType;
  value: (row: ParsedRow) => string | number | boolean | null;
}

/**
 * A set-based rule on the staged rows. `sql` is a SELECT of `row_no` and `reason` (text) from
 * `import_new` — the rows still to be written, with the table's column names (file columns by
 * their dbColumn, computed columns, resolved resident IDs) plus `row_no`, the file row — joined
 * with the table or with itself. Each row it returns is rejected with `code` on `column`.
 */
export interface ImportCheck {
  code: string;
  /** The file column at fault, or '' for the row as a whole. */
  column: string;
  sql: string;
}
