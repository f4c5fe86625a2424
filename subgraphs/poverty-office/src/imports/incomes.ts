import { ImportKind, ParsedRow, RowProblem, todayLocalDate } from '@saf/kit';
import { FIRST_REGISTER_YEAR } from '../register/validation';

/**
 * `--kind incomes`: the annual income survey (年度收入核查), one household and year per row →
 * household_income (its primary key is the natural key). Unlike the recordHouseholdIncome mutation,
 * which counts the household's active members, the file states the household size the survey
 * counted: the survey is the record of that year, and the members may have changed since.
 */

/** A typo guard (yuan typed as fen): no registered household earns a million yuan per person. */
const MAX_INCOME_FEN = 100_000_000;

export const incomes: ImportKind = {
  name: 'incomes',
  description: 'Annual household income survey (年度收入核查): net income per person of one household in one year per row.',
  table: 'household_income',
  columns: [
    { name: 'household_id', type: { kind: 'householdId' }, description: 'The household surveyed.' },
    { name: 'year', type: { kind: 'int', min: FIRST_REGISTER_YEAR, max: 2100 }, description: `Survey year, ${FIRST_REGISTER_YEAR} to the current year.` },
    {
      name: 'net_income_per_capita',
      dbColumn: 'net_income_per_capita_fen',
      type: { kind: 'money', min: 0, max: MAX_INCOME_FEN },
      description: 'Net income per person for the year (人均纯收入, e.g. 5210.50); personal data.',
    },
    { name: 'household_size', type: { kind: 'int', min: 1, max: 99 }, description: 'Persons the survey counted in the household.' },
  ],
  naturalKey: ['household_id', 'year'],
  // The register is this department's own tables: checked in the import's transaction, not asked over
  // HTTP of this very subgraph (which, on the embedded PGlite, would wait for that transaction).
  localRegister: true,
  validateRow: validateIncomeRow,
  sampleFile: 'samples/incomes.csv',
};

/** The year rule of recordHouseholdIncome: no survey of a year that has not begun. */
export function validateIncomeRow(row: ParsedRow): RowProblem[] {
  const current = Number(todayLocalDate().slice(0, 4));
  return (row.year as number) > current ? [{ column: 'year', code: 'INVALID_VALUE', reason: `year must be between ${FIRST_REGISTER_YEAR} and ${current}` }] : [];
}
