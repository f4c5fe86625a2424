import { formatFen, ImportKind, ParsedRow, RowProblem, rowProblems } from '@saf/kit';
import { HospitalLevel, MAX_SETTLEMENT_FEN, MAX_STAY_DAYS } from '../codes';
import { daysBetween, FIRST_DATA_DATE } from '../common/validation';

/**
 * `--kind settlements`: hospital settlements (住院结算) as the one-stop settlement system exports
 * them, one admission per row → hospital_settlement. The settlement number is the natural key (the
 * table's UNIQUE key; its row ID is a serial). The settlement year is derived from the discharge
 * date (a CHECK of the table).
 */

/** The paid parts, in the order a one-stop settlement applies them; with out_of_pocket they add up to total_cost. */
const PAID_PARTS = ['basic_insurance', 'critical_illness', 'medical_assistance', 'safety_net', 'commercial_top_up'] as const;

const money = (name: string, description: string) => ({
  name,
  dbColumn: `${name}_fen`,
  type: { kind: 'money' as const, min: 0, max: MAX_SETTLEMENT_FEN },
  description,
});

export const settlements: ImportKind = {
  name: 'settlements',
  description: 'Hospital settlements (住院结算): one admission per row, with who paid which part of the cost.',
  table: 'hospital_settlement',
  columns: [
    { name: 'settlement_number', type: { kind: 'text', pattern: /^[A-Za-z0-9-]{6,40}$/ }, description: 'Settlement number (结算单号), unique.' },
    { name: 'household_id', type: { kind: 'householdId' }, description: 'The patient\'s household.' },
    { name: 'person_id', type: { kind: 'personId' }, description: 'The patient, a member of household_id; their stays may touch but not overlap.' },
    { name: 'hospital_name', type: { kind: 'text', maxLength: 60 }, description: 'Hospital of the admission.' },
    { name: 'hospital_level', type: { kind: 'enum', values: Object.values(HospitalLevel) }, description: 'Hospital level: 乡镇卫生院, 县级, 市级, 省级 (municipal hospitals of Chongqing count as provincial).' },
    { name: 'diagnosis', type: { kind: 'text', maxLength: 100 }, required: false, description: 'Main discharge diagnosis (personal data).' },
    { name: 'admitted_on', type: { kind: 'date', min: FIRST_DATA_DATE, notInFuture: true }, description: 'Admission date.' },
    { name: 'discharged_on', type: { kind: 'date', min: FIRST_DATA_DATE, notInFuture: true }, description: `Discharge date: not before admission, a stay of at most ${MAX_STAY_DAYS} days; its year is the settlement year.` },
    money('total_cost', 'Total cost of the admission (e.g. 3931.00), more than 0.00.'),
    money('basic_insurance', 'Paid by basic medical insurance.'),
    money('critical_illness', 'Paid by critical-illness insurance; 0.00 when none.'),
    money('medical_assistance', 'Medical assistance (医疗救助) paid by civil affairs; 0.00 when none.'),
    money('safety_net', 'Government safety net (政府兜底); 0.00 when none.'),
    money('commercial_top_up', 'Paid by commercial top-up insurance; 0.00 when none.'),
    money('out_of_pocket', 'The patient\'s own share: total_cost minus the five paid parts.'),
    { name: 'deferred_payment', type: { kind: 'boolean' }, description: '先诊疗后付费: true if the patient pays the own share after discharge.' },
    { name: 'deferred_paid_on', type: { kind: 'date', notInFuture: true }, required: false, description: 'Day the deferred own share was paid, only with deferred_payment true: not before discharge.' },
    { name: 'one_stop_settled', type: { kind: 'boolean' }, description: '一站式结算: true if all parts were settled at the hospital desk.' },
  ],
  naturalKey: ['settlement_number'],
  computed: [{ dbColumn: 'year', type: 'integer', value: (row) => Number(String(row.discharged_on).slice(0, 4)) }],
  // Stays may touch (a transfer discharges and admits on the same day) but not overlap, in the table or in the file.
  checks: [
    {
      code: 'OVERLAPPING_STAY',
      column: 'admitted_on',
      sql: `SELECT DISTINCT ON (n.row_no) n.row_no,
                   n.person_id || ' was in hospital from ' || s.admitted_on || ' to ' || s.discharged_on || ' (settlement ' || s.settlement_number || ')' AS reason
            FROM import_new n
            JOIN hospital_settlement s ON s.person_id = n.person_id AND s.settlement_number <> n.settlement_number
                                      AND s.admitted_on < n.discharged_on::date AND s.discharged_on > n.admitted_on::date
            ORDER BY n.row_no, s.admitted_on`,
    },
    {
      code: 'OVERLAPPING_STAY',
      column: 'admitted_on',
      sql: `SELECT DISTINCT ON (n.row_no) n.row_no, n.person_id || ' is in hospital from ' || f.admitted_on || ' to ' || f.discharged_on || ' in row ' || f.row_no AS reason
            FROM import_new n
            JOIN import_new f ON f.person_id = n.person_id AND f.row_no < n.row_no
                             AND f.admitted_on::date < n.discharged_on::date AND f.discharged_on::date > n.admitted_on::date
            ORDER BY n.row_no, f.row_no`,
    },
  ],
  validateRow: validateSettlementRow,
  sampleFile: 'samples/settlements.csv',
};

/** The table's CHECKs (dates, parts, deferred payment) and the rules of validateSettlement, per row. */
export function validateSettlementRow(row: ParsedRow): RowProblem[] {
  const { problems, invalid } = rowProblems();
  const admittedOn = row.admitted_on as string;
  const dischargedOn = row.discharged_on as string;
  const deferredPaidOn = row.deferred_paid_on as string | null;
  const total = row.total_cost as number;

  if (dischargedOn < admittedOn) invalid('discharged_on', 'discharged_on is before admitted_on');
  else if (daysBetween(admittedOn, dischargedOn) > MAX_STAY_DAYS) invalid('discharged_on', `a stay is at most ${MAX_STAY_DAYS} days; settle long stays in parts`);
  if (total <= 0) invalid('total_cost', 'total_cost must be more than 0.00');
  const paid = PAID_PARTS.reduce((sum, part) => sum + (row[part] as number), 0);
  if (paid > total) invalid('total_cost', `the paid parts (${formatFen(paid)} yuan) exceed the total cost (${formatFen(total)} yuan)`);
  else if (row.out_of_pocket !== total - paid) invalid('out_of_pocket', `out_of_pocket must be total_cost minus the paid parts: ${formatFen(total - paid)} yuan`);
  if (deferredPaidOn !== null) {
    if (row.deferred_payment !== true) invalid('deferred_paid_on', 'deferred_paid_on is only for a deferred payment (deferred_payment true)');
    else if (deferredPaidOn < dischargedOn) invalid('deferred_paid_on', 'deferred_paid_on is before discharge');
  }
  return problems;
}
