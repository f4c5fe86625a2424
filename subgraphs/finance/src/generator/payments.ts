import { DisbursementStatus, PeriodKind } from '../codes';
import { parsePeriod } from '../common/periods';
import { DEFAULT_RULE, ruleFor } from '../programmes';
import { day, formatDay, monthOf, yearOf, yyyymm } from './dates';
import { batchDay, Entitlement, householdRng, STREAM } from './entitlements';
import * as P from './params';
import { DisbursementRow } from './rows';

/**
 * Pays a household's entitlements (through 一卡通, or to the school, insurer, hospital or institution):
 * each in its programme's monthly batch
 * (<county>-<code>-<YYYYMM>-01). A few payments come back (RETURNED: account closed, frozen…) or
 * fail; most of those are re-issued in the next month's supplementary batch (…-02); a few scheduled
 * payments never happen at all. Those gaps are what the coverage checks of issue 4 should find.
 */
export function payEntitlements(householdId: string, entitlements: Entitlement[], seed: number): DisbursementRow[] {
  const rng = householdRng(seed, householdId, STREAM.PAYMENTS);
  const county = householdId.slice(0, 6);
  // A household whose card has trouble sees more returns (one household in fifty).
  const troubled = rng.bool(0.02);
  const sorted = [...entitlements].sort((a, b) => a.due - b.due || cmp(a.programme, b.programme) || cmp(a.period, b.period) || cmp(a.personId ?? '', b.personId ?? '') || cmp(a.sourceRecordId ?? '', b.sourceRecordId ?? ''));
  const rows: DisbursementRow[] = [];
  const keys = new Set<string>();
  for (const e of sorted) {
    const gap = rng.float();
    const outcome = rng.float();
    const returnDelay = rng.int(3, 20);
    const reissue = rng.float();
    const reason = rng.float();
    if (gap < (e.recurring ? P.GAP_SHARE_RECURRING : P.GAP_SHARE_ONE_OFF)) continue;
    const rule = e.dutyArea && e.department ? ruleFor(e.programme, e.dutyArea, e.department) : DEFAULT_RULE.get(e.programme);
    if (!rule) throw new Error(`no programme rule for ${e.programme} / ${e.dutyArea} / ${e.department}`);
    const period = parsePeriod(e.period);
    if (!period) throw new Error(`bad period ${e.period}`);
    const returnedShare = P.RETURNED_SHARE * (troubled ? 6 : 1);
    const status = outcome < returnedShare ? DisbursementStatus.RETURNED : outcome < returnedShare + P.FAILED_SHARE ? DisbursementStatus.FAILED : DisbursementStatus.PAID;
    const row: DisbursementRow = {
      householdId,
      personId: e.personId,
      programme: e.programme,
      dutyArea: rule.dutyArea,
      department: rule.department,
      payee: e.payee,
      amountFen: e.amountFen,
      paymentDate: formatDay(e.due),
      period: e.period,
      periodKind: period.kind as PeriodKind,
      year: period.year,
      batchNo: `${county}-${rule.batchCode}-${yyyymm(e.due)}-01`,
      status,
      statusReason:
        status === DisbursementStatus.RETURNED ? P.RETURN_REASONS[Math.floor(reason * P.RETURN_REASONS.length)]
        : status === DisbursementStatus.FAILED ? P.FAILURE_REASONS[Math.floor(reason * P.FAILURE_REASONS.length)]
        : null,
      returnedOn: status === DisbursementStatus.RETURNED ? formatDay(e.due + returnDelay) : null,
      sourceRecordId: e.sourceRecordId,
    };
    if (!add(rows, keys, row)) continue;
    if (status !== DisbursementStatus.PAID && reissue < P.REISSUED_SHARE) {
      // Re-issued in the supplementary run of the month after the return or failure.
      const after = status === DisbursementStatus.RETURNED ? e.due + returnDelay : e.due;
      const m = monthOf(after) === 12 ? [yearOf(after) + 1, 1] : [yearOf(after), monthOf(after) + 1];
      const due = Math.max(batchDay(seed, e.programme, m[0], m[1], 21, 28), day(m[0], m[1], 21));
      add(rows, keys, { ...row, paymentDate: formatDay(due), batchNo: `${county}-${rule.batchCode}-${yyyymm(due)}-02`, status: DisbursementStatus.PAID, statusReason: null, returnedOn: null });
    }
  }
  return rows;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds a row unless its natural key (programme, period, household, member, source record, batch) is taken. */
function add(rows: DisbursementRow[], keys: Set<string>, row: DisbursementRow): boolean {
  const key = `${row.programme}|${row.period}|${row.personId ?? ''}|${row.sourceRecordId ?? ''}|${row.batchNo}`;
  if (keys.has(key)) return false;
  keys.add(key);
  rows.push(row);
  return true;
}
