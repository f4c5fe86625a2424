import type { Identity } from './identity';
import { getsSuppressedCells } from './identity';

/** Cells counting fewer households than this are suppressed for analysts and dashboards. */
export const SMALL_CELL_HOUSEHOLDS = 5;

/**
 * An aggregate type's cells: `counts` are household counts, `hide` what goes with them (amounts,
 * shares). The guard nulls both, and sets `suppressed`, in a small cell for analysts and dashboards.
 */
export type AggregateCells = Record<string, { counts: string[]; hide?: string[] }>;

/** The kit's own aggregate types; departments add theirs in their definition. */
export const KIT_AGGREGATE_CELLS: AggregateCells = {
  MeasureTotal: { counts: ['households'], hide: ['measures', 'amount'] },
  AreaCoverageTotal: { counts: ['inNeed', 'covered', 'gap'] },
};

/** The description of an aggregate type's `suppressed` field. */
export const suppressedNote = (unit = 'households'): string =>
  `True when the counts are withheld (null) because the cell has 1 to 4 ${unit} (analyst and dashboard roles).`;

export const SUPPRESSED_NOTE = suppressedNote();

/** A count that could single out a family: 1 to 4 (0 reveals no one). */
export const isSmallCell = (count: number | null | undefined): boolean => count != null && count > 0 && count < SMALL_CELL_HOUSEHOLDS;

/**
 * Small-cell suppression of aggregate rows: for the analyst and dashboard roles, a row whose
 * household counts include a small cell has all those counts and `alsoHide` (amounts, measure
 * counts) set to null, so that no count can be derived from the others. Every row gets
 * `suppressed` (false for other roles). Returns the rows (mutated) for chaining.
 */
export function suppressSmallCells<T extends object>(
  identity: Identity,
  rows: T[],
  counts: ReadonlyArray<keyof T>,
  alsoHide: ReadonlyArray<keyof T> = [],
): T[] {
  const applies = getsSuppressedCells(identity);
  for (const row of rows) {
    (row as { suppressed?: boolean }).suppressed = false;
    if (!applies || !counts.some((key) => isSmallCell(row[key] as unknown as number | null))) continue;
    for (const key of [...counts, ...alsoHide]) (row as Record<keyof T, unknown>)[key] = null;
    (row as { suppressed?: boolean }).suppressed = true;
  }
  return rows;
}
