import { ImportKind, ParsedRow, problemsOf } from '@saf/kit';
import { DisbursementStatus, FinanceDutyArea, FundedDepartment, Payee, Programme } from '../codes';
import { parsePeriod } from '../common/periods';
import { CheckedDisbursement, validateDisbursement } from '../disbursement/writes';
import { DisbursementInput } from '../disbursement/inputs';

/** The rule each valid row follows, found once by validateRow and read by the computed columns. */
const checkedRows = new WeakMap<ParsedRow, CheckedDisbursement>();

function inputOf(row: ParsedRow): DisbursementInput {
  return {
    householdId: row.household_id as string,
    personId: (row.person_id as string | null) ?? null,
    programme: row.programme as Programme,
    dutyArea: (row.duty_area as FinanceDutyArea | null) ?? null,
    department: (row.department as FundedDepartment | null) ?? null,
    payee: (row.payee as Payee | null) ?? null,
    amount: row.amount as number,
    paymentDate: row.payment_date as string,
    period: row.period as string,
    batchNo: row.batch_no as string,
    status: (row.status as DisbursementStatus | null) ?? DisbursementStatus.PAID,
    statusReason: (row.status_reason as string | null) ?? null,
    returnedOn: (row.returned_on as string | null) ?? null,
    sourceRecordId: (row.source_record_id as string | null) ?? null,
  };
}

const checked = (row: ParsedRow): CheckedDisbursement => checkedRows.get(row)!;

/**
 * 一卡通 payments (the `disbursement` table): one row per payment, as the county's payment system
 * exports them — a county's year of dibao payments is one file. The same rules as the
 * recordDisbursements mutation (validateDisbursement: the programme table decides duty area,
 * department, payee and period kinds), natural key = the table's disbursement_natural_key.
 */
export const paymentsImport: ImportKind = {
  name: 'payments',
  description: '一卡通 subsidy payments (disbursements): one row per payment of a programme, period, household (and member) and batch.',
  table: 'disbursement',
  sampleFile: 'samples/payments.csv',
  columns: [
    { name: 'household_id', type: { kind: 'householdId' }, description: 'The household paid for (16 digits); must be in the register and in your region.' },
    { name: 'person_id', type: { kind: 'personId' }, required: false, description: 'The member paid for (<household>-NN): required by per-person programmes and for payee PERSON; must belong to the household.' },
    { name: 'programme', type: { kind: 'enum', values: Object.values(Programme) }, description: 'The programme paying (see financeProgrammeRules), e.g. DIBAO_ALLOWANCE.' },
    { name: 'duty_area', type: { kind: 'enum', values: Object.values(FinanceDutyArea) }, required: false, description: "The duty area paid for; default: the programme's usual one." },
    { name: 'department', type: { kind: 'enum', values: Object.values(FundedDepartment) }, required: false, description: "The department on whose behalf finance pays; default: the programme's usual one." },
    { name: 'payee', type: { kind: 'enum', values: Object.values(Payee) }, required: false, description: "Who receives the money; default: the programme's usual payee." },
    { name: 'amount', dbColumn: 'amount_fen', type: { kind: 'money', min: 1, max: 100_000_000 }, description: "Yuan with at most 2 decimals (e.g. 520.00), more than 0 and at most the programme's largest single payment." },
    { name: 'payment_date', type: { kind: 'date' }, description: 'YYYY-MM-DD, not in the future; within the programme\'s advance window before the period and two years after it.' },
    { name: 'period', type: { kind: 'text', pattern: /^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-S[12])?$/ }, description: 'The period paid for: 2019-03 (month), 2019-Q1, 2019-S1 / 2019-S2 (semester) or 2019, as the programme allows.' },
    { name: 'batch_no', type: { kind: 'text', pattern: /^[0-9A-Z-]{6,40}$/ }, description: '发放批次号: 6 to 40 digits, capital letters and dashes, e.g. 500154-DB-201903-01.' },
    { name: 'status', type: { kind: 'enum', values: Object.values(DisbursementStatus) }, required: false, description: 'PAID (default), RETURNED or FAILED.' },
    { name: 'status_reason', type: { kind: 'text', maxLength: 200 }, required: false, description: 'Why a payment was RETURNED or FAILED (required for them, empty for PAID).' },
    { name: 'returned_on', type: { kind: 'date' }, required: false, description: 'The date the bank returned a RETURNED payment (required for it, empty otherwise).' },
    { name: 'source_record_id', type: { kind: 'text', maxLength: 64 }, required: false, description: "The other department's record paid for (dibao enrolment, loan contract…); required for microcredit interest subsidies." },
  ],
  naturalKey: ['programme', 'period', 'household_id', 'person_id', 'source_record_id', 'batch_no'],
  validateRow: (row) => {
    const problems = problemsOf(() => checkedRows.set(row, validateDisbursement(inputOf(row), 'row')));
    return problems;
  },
  computed: [
    { dbColumn: 'duty_area', type: 'text', value: (row) => checked(row).rule.dutyArea },
    { dbColumn: 'department', type: 'text', value: (row) => checked(row).rule.department },
    { dbColumn: 'payee', type: 'text', value: (row) => checked(row).payee },
    { dbColumn: 'status', type: 'text', value: (row) => checked(row).input.status },
    { dbColumn: 'period_kind', type: 'text', value: (row) => parsePeriod(row.period as string)!.kind },
    { dbColumn: 'year', type: 'integer', value: (row) => checked(row).year },
  ],
  checks: [
    {
      // As the mutation's checkSource: an interest subsidy pays for one of finance's own loans.
      code: 'UNKNOWN_SOURCE_RECORD',
      column: 'source_record_id',
      sql: `SELECT s.row_no,
              CASE WHEN l.id IS NULL THEN format('loan %s does not exist', s.source_record_id)
                   WHEN l.household_id <> s.household_id THEN format('loan %s belongs to household %s, not %s', l.id, l.household_id, s.household_id)
                   ELSE format('loan %s has no interest subsidy (defaulted or not subsidised)', l.id) END AS reason
            FROM import_new s LEFT JOIN micro_loan l ON l.id = s.source_record_id
            WHERE s.programme = 'MICROCREDIT_INTEREST_SUBSIDY'
              AND (l.id IS NULL OR l.household_id <> s.household_id OR l.status = 'DEFAULTED' OR l.subsidy_share_pct = 0)`,
    },
  ],
};
