import { ImportKind, ParsedRow, RowProblem, rowProblems } from '@saf/kit';
import { InsuranceScheme, MAX_PREMIUM_FEN, SubsidisingDepartment } from '../codes';
import { FIRST_DATA_DATE } from '../common/validation';
import { enrolmentId } from '../insurance/entities';
import { subsidyStatusOf } from '../insurance/writes';

/**
 * `--kind insurance`: the medical-insurance enrolment list (参保名单) of a year as the insurance
 * bureau exports it, one person, year and scheme per row → insurance_enrolment.
 *
 * Derived, not carried in the file: the ID `<person>:<year>:<scheme>` (a CHECK of the table, so it
 * cannot disagree with the key) and the subsidy status (FULL/PARTIAL/NONE follows from the amounts,
 * as the recordHealthInsuranceEnrolment mutation computes it).
 *
 * A CRITICAL_ILLNESS row needs an active BASIC enrolment of the same person and year, in the table
 * or in the same file (the rule of the mutation; checked set-based after the register checks).
 */

export const insurance: ImportKind = {
  name: 'insurance',
  description: 'Medical insurance enrolments (参保): one person in one scheme for one insurance year per row, with the premium and who paid it.',
  table: 'insurance_enrolment',
  columns: [
    { name: 'household_id', type: { kind: 'householdId' }, description: 'The insured person\'s household.' },
    { name: 'person_id', type: { kind: 'personId' }, description: 'The insured person, a member of household_id.' },
    { name: 'year', type: { kind: 'int', min: 2013, max: 2100 }, description: 'Insurance year (参保年度); enrolments for it are made from 1 July of the year before.' },
    { name: 'scheme', type: { kind: 'enum', values: Object.values(InsuranceScheme) }, description: '城乡居民基本医疗保险, 大病保险 (needs a BASIC enrolment of the year, stored or in the same file), 商业补充保险.' },
    { name: 'premium', dbColumn: 'premium_fen', type: { kind: 'money', min: 0, max: MAX_PREMIUM_FEN }, description: 'Premium due for the person (e.g. 320.00).' },
    {
      name: 'individual_contribution',
      dbColumn: 'individual_contribution_fen',
      type: { kind: 'money', min: 0, max: MAX_PREMIUM_FEN },
      description: 'What the person paid; with subsidy it adds up to the premium (CRITICAL_ILLNESS: at most the premium).',
    },
    { name: 'subsidy', dbColumn: 'subsidy_fen', type: { kind: 'money', min: 0, max: MAX_PREMIUM_FEN }, description: 'Premium subsidy paid by a department (资助参保); 0.00 when none. FULL, PARTIAL or NONE follows from the amounts.' },
    {
      name: 'subsidising_department',
      type: { kind: 'enum', values: Object.values(SubsidisingDepartment) },
      required: false,
      description: 'Who paid the subsidy (DISABLED_PERSONS_FEDERATION: 残联); required with a subsidy, empty without.',
    },
    { name: 'enrolled_on', type: { kind: 'date', min: FIRST_DATA_DATE, notInFuture: true }, description: 'Day of enrolment: from 1 July of the year before to 31 December of the year.' },
    { name: 'cancelled_on', type: { kind: 'date', notInFuture: true }, required: false, description: 'Day the enrolment was cancelled (停保), not before enrolled_on; empty while in force.' },
    { name: 'cancellation_reason', type: { kind: 'text', maxLength: 200 }, required: false, description: 'Why it was cancelled; given exactly when cancelled_on is.' },
  ],
  naturalKey: ['person_id', 'year', 'scheme'],
  computed: [
    { dbColumn: 'id', type: 'text', value: (row) => enrolmentId(String(row.person_id), Number(row.year), row.scheme as InsuranceScheme) },
    { dbColumn: 'subsidy_status', type: 'text', value: (row) => subsidyStatusOf(Number(row.individual_contribution), Number(row.subsidy)) },
  ],
  checks: [
    {
      // Critical-illness insurance covers basic-insurance enrollees: the BASIC enrolment of the year is in the table or in this file.
      code: 'NO_BASIC_ENROLMENT',
      column: 'scheme',
      sql: `SELECT n.row_no, n.person_id || ' has no active BASIC enrolment for ' || n.year || ' (in the table or in this file)' AS reason
            FROM import_new n
            WHERE n.scheme = 'CRITICAL_ILLNESS'
              AND NOT EXISTS (SELECT 1 FROM insurance_enrolment b
                              WHERE b.person_id = n.person_id AND b.year = n.year AND b.scheme = 'BASIC' AND (b.cancelled_on IS NULL OR n.cancelled_on IS NOT NULL))
              AND NOT EXISTS (SELECT 1 FROM import_new b
                              WHERE b.person_id = n.person_id AND b.year = n.year AND b.scheme = 'BASIC' AND (b.cancelled_on IS NULL OR n.cancelled_on IS NOT NULL))`,
    },
  ],
  validateRow: validateInsuranceRow,
  sampleFile: 'samples/insurance.csv',
};

/** The table's CHECKs (parts, subsidy, cancellation) and the rules of validateEnrolment, per row. */
export function validateInsuranceRow(row: ParsedRow): RowProblem[] {
  const { problems, invalid, missing } = rowProblems();
  const year = row.year as number;
  const premium = row.premium as number;
  const individual = row.individual_contribution as number;
  const subsidy = row.subsidy as number;
  const enrolledOn = row.enrolled_on as string;
  const cancelledOn = row.cancelled_on as string | null;
  if (individual + subsidy > premium) invalid('subsidy', 'individual_contribution + subsidy cannot exceed the premium');
  else if (row.scheme !== InsuranceScheme.CRITICAL_ILLNESS && individual + subsidy !== premium) {
    invalid('individual_contribution', `for ${String(row.scheme)} the person's contribution and the subsidy must add up to the premium`);
  }
  if (subsidy > 0 && row.subsidising_department === null) missing('subsidising_department', 'a subsidy needs the department that paid it');
  if (subsidy === 0 && row.subsidising_department !== null) invalid('subsidising_department', 'a subsidising department is given, but no subsidy');
  if (enrolledOn < `${year - 1}-07-01` || enrolledOn > `${year}-12-31`) {
    invalid('enrolled_on', `an enrolment for ${year} is made between ${year - 1}-07-01 and ${year}-12-31`);
  }
  if ((cancelledOn === null) !== (row.cancellation_reason === null)) {
    missing(cancelledOn === null ? 'cancelled_on' : 'cancellation_reason', 'cancelled_on and cancellation_reason go together');
  }
  if (cancelledOn !== null && cancelledOn < enrolledOn) invalid('cancelled_on', `cancelled_on is before the enrolment (${enrolledOn})`);
  return problems;
}
