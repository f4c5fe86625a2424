import { GraphQLError } from 'graphql';

/**
 * Why a whole file is refused (nothing is written): the import answers with one of these codes
 * instead of a report. Problems with single rows are in the report (RowProblem codes).
 */
export const ImportErrorCode = {
  /** No such kind for the department (`GET /import/<department>` lists them). */
  UNKNOWN_KIND: 'UNKNOWN_KIND',
  /** Not csv or jsonl. */
  UNKNOWN_FORMAT: 'UNKNOWN_FORMAT',
  /** The file has no header or no rows. */
  EMPTY_FILE: 'EMPTY_FILE',
  /** The header lacks required columns (`missing` lists them). */
  MISSING_COLUMNS: 'MISSING_COLUMNS',
  /** The header has columns the kind does not know (`unknown` lists them): a misspelt name would otherwise be dropped silently. */
  UNKNOWN_COLUMNS: 'UNKNOWN_COLUMNS',
  DUPLICATE_COLUMNS: 'DUPLICATE_COLUMNS',
  /** Not UTF-8. */
  INVALID_ENCODING: 'INVALID_ENCODING',
  /** Not CSV / JSON Lines at all (a field or line too long, thousands of cells). */
  MALFORMED_FILE: 'MALFORMED_FILE',
  /** The body is not the file whose hash the gateway signed. */
  BODY_HASH_MISMATCH: 'BODY_HASH_MISMATCH',
  /** A row passed every check but the database refused it (a concurrent write); the import rolled back. */
  WRITE_FAILED: 'WRITE_FAILED',
} as const;

export type ImportErrorCodeName = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];

/** A refusal of the whole file, with its code (and details such as the missing columns). */
export function importRefused(code: ImportErrorCodeName, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}
