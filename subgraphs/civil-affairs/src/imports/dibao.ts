import { fileColumnOfField, ImportKind, ParsedRow, problemsOf, RowProblem } from '@saf/kit';
import { CivilAffairsEndReason, DibaoCategory, DibaoClassification } from '../codes';
import { CreateDibaoEnrolmentInput } from '../records/inputs';
import { FIRST_RECORD_DATE, invalid, validateOrder, validatePastDate } from '../records/validation';
import { validateCreateDibao } from '../records/writes';

const text = (row: ParsedRow, column: string) => row[column] as string | null;

function inputOf(row: ParsedRow): CreateDibaoEnrolmentInput {
  return {
    householdId: text(row, 'household_id')!,
    category: row.category as DibaoCategory,
    classification: row.classification as DibaoClassification,
    certificateNo: text(row, 'certificate_no')!,
    personIds: [...(row.covered_person_ids as readonly string[])],
    assessedIncomeMonthly: row.assessed_income_monthly as number,
    dibaoLineMonthly: row.dibao_line_monthly as number,
    monthlyAmount: row.monthly_amount as number,
    recheckIntervalMonths: row.recheck_interval_months === null ? undefined : Number(row.recheck_interval_months),
    applicationDate: text(row, 'application_date')!,
    approvalDate: text(row, 'approval_date')!,
    startDate: text(row, 'start_date')!,
  };
}

/** Civil-affairs records are kept from 2013 and are never dated ahead (validation.ts). */
const RECORD_DATE = { kind: 'date', min: FIRST_RECORD_DATE, notInFuture: true } as const;

/** The mutation's input fields are the file's columns, but for the persons covered. */
const columnOf = (field: string) => (field.endsWith('personIds') ? 'covered_person_ids' : fileColumnOfField(field));

/** The rules of the createDibaoEnrolment mutation, and those of an enrolment that has ended. */
function validateDibaoRow(row: ParsedRow): RowProblem[] {
  return problemsOf(() => {
    validateCreateDibao(inputOf(row));
    const end = text(row, 'end_date');
    const reason = text(row, 'end_reason');
    if (end !== null && reason === null) invalid('input.endReason', 'an enrolment that ended needs end_reason');
    if (end === null && reason !== null) invalid('input.endDate', 'end_reason is only for an enrolment that ended (end_date)');
    if (end !== null) {
      validatePastDate(end, 'input.endDate');
      validateOrder(text(row, 'start_date')!, end, 'input.endDate', 'the start date');
    }
  }, columnOf);
}

/**
 * Dibao enrolments (低保花名册): one row per enrolment with the persons it covers, as the county's
 * civil-affairs system exports them. The rules of the createDibaoEnrolment mutation (same
 * validation), natural key = the certificate number (低保证号, unique in the table); the
 * enrolment's ID is numbered per household like the mutation's (DB-<household>-NN), and the
 * covered persons go to dibao_covered_person from the start date.
 */
export const dibaoImport: ImportKind = {
  name: 'dibao',
  description: 'Dibao enrolments (低保): one row per enrolment of a household, with the persons it covers.',
  table: 'dibao_enrolment',
  sampleFile: 'samples/dibao.csv',
  columns: [
    { name: 'household_id', type: { kind: 'householdId' }, description: 'The household (16 digits); must be in the register and in your region.' },
    { name: 'certificate_no', type: { kind: 'text', pattern: /^[0-9A-Z-]{6,40}$/ }, description: '低保证号: 6 to 40 digits, capital letters and dashes; identifies the enrolment (a re-run of the same certificate changes nothing).' },
    { name: 'category', type: { kind: 'enum', values: Object.values(DibaoCategory) }, description: '城市/农村: URBAN or RURAL dibao.' },
    { name: 'classification', type: { kind: 'enum', values: Object.values(DibaoClassification) }, description: '分类施保: A (no able-bodied member), B (one), C (several, irregular income).' },
    {
      name: 'covered_person_ids',
      type: { kind: 'personIdList', min: 1, max: 30, storedIn: { table: 'dibao_covered_person', recordColumn: 'enrolment_id', personColumn: 'person_id', copy: { household_id: 'household_id', covered_from: 'start_date' } } },
      description: '保障人员: the persons covered, person IDs separated by ";" (1 to 30), members of the household in the register.',
    },
    { name: 'assessed_income_monthly', dbColumn: 'assessed_income_monthly_fen', type: { kind: 'money', min: 0, max: 300_000 }, description: '家庭月人均收入 assessed, yuan per person per month; below the line.' },
    { name: 'dibao_line_monthly', dbColumn: 'dibao_line_monthly_fen', type: { kind: 'money', min: 5_000, max: 300_000 }, description: '保障标准 applied, yuan per person per month.' },
    { name: 'monthly_amount', dbColumn: 'approved_monthly_amount_fen', type: { kind: 'money', min: 1 }, description: '月保障金 approved: the monthly top-up for all covered persons, at most the line times the persons covered.' },
    { name: 'recheck_interval_months', type: { kind: 'enum', values: ['3', '6', '12'] }, required: false, description: 'Months between re-checks: 3, 6 or 12 (default 6 for class C, else 12).' },
    { name: 'application_date', type: RECORD_DATE, description: '申请日期.' },
    { name: 'approval_date', type: RECORD_DATE, description: '批准日期: on or after the application date.' },
    { name: 'start_date', type: RECORD_DATE, description: 'First day covered: on or after the application date.' },
    { name: 'end_date', type: RECORD_DATE, required: false, description: 'Last day covered, for an enrolment that has ended (with end_reason); empty while in force.' },
    { name: 'end_reason', type: { kind: 'enum', values: Object.values(CivilAffairsEndReason) }, required: false, description: 'Why it ended (with end_date).' },
  ],
  naturalKey: ['certificate_no'],
  validateRow: validateDibaoRow,
  computed: [
    // The amount in force starts as the approved one (re-checks change it later).
    { dbColumn: 'monthly_amount_fen', type: 'bigint', value: (row) => row.monthly_amount as number },
    {
      dbColumn: 'recheck_interval_months',
      type: 'integer',
      value: (row) => (row.recheck_interval_months === null ? (row.classification === DibaoClassification.C ? 6 : 12) : Number(row.recheck_interval_months)),
    },
  ],
  recordId: { column: 'id', prefix: 'DB-', digits: 2 },
  checks: [
    {
      // As the mutation: one enrolment at a time per household (and the table's one open enrolment per household).
      code: 'CONFLICTS_WITH_EXISTING',
      column: 'start_date',
      sql: `SELECT DISTINCT ON (s.row_no) s.row_no,
              format('household %s already has dibao enrolment %s from %s%s', s.household_id, t.id, t.start_date,
                     CASE WHEN t.end_date IS NULL THEN ' (in force)' ELSE ' to ' || t.end_date END) AS reason
            FROM import_new s JOIN dibao_enrolment t ON t.household_id = s.household_id
            WHERE t.start_date <= COALESCE(s.end_date, 'infinity') AND s.start_date <= COALESCE(t.end_date, 'infinity')
            ORDER BY s.row_no, t.start_date`,
    },
    {
      code: 'OVERLAPS_IN_FILE',
      column: 'start_date',
      sql: `SELECT DISTINCT ON (b.row_no) b.row_no,
              format('household %s has one dibao enrolment at a time: this one overlaps row %s', b.household_id, a.row_no) AS reason
            FROM import_new a JOIN import_new b ON a.household_id = b.household_id AND a.row_no < b.row_no
            WHERE a.start_date <= COALESCE(b.end_date, 'infinity') AND b.start_date <= COALESCE(a.end_date, 'infinity')
            ORDER BY b.row_no, a.row_no`,
    },
  ],
};
