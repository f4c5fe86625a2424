import { HouseholdBundle, PovertyCause } from '@saf/poverty-office';
import type { GeneratedPerson } from '@saf/poverty-office';
import { CreditRating, MicroLoanStatus, Payee, Programme } from '../codes';
import { quarterPeriod } from '../common/periods';
import { CREDIT_LINE_BY_RATING } from '../microcredit/writes';
import { able, factsOf, HORIZON, HouseholdFacts } from './approximations';
import { addMonthsDay, ageOnDay, day, formatDay, monthOf, yearOf } from './dates';
import { batchDay, Entitlement, householdRng, STREAM } from './entitlements';
import * as P from './params';
import { CompensationRow, MicroLoanRow, RepaymentRow } from './rows';

/**
 * 扶贫小额信贷 for one household: 评级授信, loans at the benchmark rate with quarterly interest
 * settlement (结息日 the 20th of March, June, September, December), principal at maturity or in
 * yearly instalments, the fiscal interest subsidy refunded quarterly (先缴后补), a few loans paid late
 * or defaulted (the county fund compensates the bank), and renewals (续贷) after paying off.
 */
export interface LoanRecords {
  loans: MicroLoanRow[];
  repayments: RepaymentRow[];
  compensations: CompensationRow[];
  /** Interest-subsidy payments owed for the loans (become MICROCREDIT_INTEREST_SUBSIDY disbursements). */
  subsidies: Entitlement[];
  /** Per year end (2014–2020): principal outstanding, for sizing the county fund. */
  outstandingByYear: Record<number, number>;
  compensationByYear: Record<number, number>;
}

const DAY_RATE_DIVISOR = 10000 * 360; // bp → yearly fraction, 360-day year (日利率 = 年利率 / 360)

export function benchmarkRate(d: number, termMonths: number): number {
  const iso = formatDay(d);
  let rate = P.BENCHMARK_RATES[0];
  for (const r of P.BENCHMARK_RATES) if (r[0] <= iso) rate = r;
  return termMonths <= 12 ? rate[1] : rate[2];
}

function borrowShare(f: HouseholdFacts): number {
  const cause = f.bundle.household.mainCause;
  let p = P.BORROW_SHARE;
  if (cause === PovertyCause.LACK_OF_CAPITAL) p *= 2;
  else if (cause === PovertyCause.LACK_OF_SKILLS || cause === PovertyCause.LACK_OF_LAND) p *= 1.2;
  else if (cause === PovertyCause.ILLNESS || cause === PovertyCause.DISABILITY) p *= 0.7;
  else if (cause === PovertyCause.LACK_OF_LABOUR) p *= 0.4;
  if (f.destituteCategory) p = 0;
  if (f.members.filter(able).length >= 2) p *= 1.2;
  return Math.min(p, 0.6);
}

function borrowerOn(f: HouseholdFacts, d: number): GeneratedPerson | null {
  const ok = (m: GeneratedPerson) => {
    const age = ageOnDay(m.birthDate, d);
    return able(m) && age >= 18 && age <= 65;
  };
  return f.members.find((m, i) => i === 0 && ok(m)) ?? f.members.find(ok) ?? null;
}

/** Quarterly settlement days (the 20th of the quarter's last month) after `from`, up to `to`. */
function settlementDays(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    for (const m of [3, 6, 9, 12]) {
      const d = day(y, m, 20);
      if (d > from && d < to) out.push(d);
    }
  }
  return out;
}

const quarterOf = (d: number) => Math.ceil(monthOf(d) / 3);
/** First day of the quarter after the one containing d. */
const nextQuarterStart = (d: number) => (quarterOf(d) === 4 ? day(yearOf(d) + 1, 1, 1) : day(yearOf(d), quarterOf(d) * 3 + 1, 1));

export function loansFor(bundle: HouseholdBundle, seed: number, facts: HouseholdFacts = factsOf(bundle)): LoanRecords {
  const f = facts;
  const out: LoanRecords = { loans: [], repayments: [], compensations: [], subsidies: [], outstandingByYear: {}, compensationByYear: {} };
  const rng = householdRng(seed, f.id, STREAM.LOANS);
  if (!rng.bool(borrowShare(f))) return out;
  const year = Math.max(rng.weighted(P.FIRST_LOAN_YEARS), yearOf(f.identificationDay));
  let next: number | null = Math.max(f.identificationDay + 30, day(year, 2, 1) + rng.int(0, 300));
  const county = `${f.id.slice(0, 6)}000000`;

  for (let seq = 1; next !== null && seq <= 9 && next <= day(P.LAST_DATA_YEAR, 10, 31); seq++) {
    const start: number = next;
    next = null;
    const borrower = borrowerOn(f, start);
    if (!borrower) break;
    const rating = rng.weighted(P.RATINGS);
    const amountFen = rng.weighted(P.AMOUNTS[rating]) * 100;
    const term = rng.weighted(P.TERMS);
    const rate = benchmarkRate(start, term);
    const maturity = addMonthsDay(start, term);
    const id = `XD${yearOf(start)}${f.id}${seq}`;
    const instalments = term === 36 && rng.bool(P.INSTALMENT_SHARE);
    const u = rng.float();
    const outcome = u < P.DEFAULT_SHARE ? 'DEFAULT' : u < P.DEFAULT_SHARE + P.LATE_SHARE ? 'LATE' : 'ON_TIME';
    const purpose = rng.weighted(P.PURPOSES);
    const detail = rng.pick(P.PURPOSE_DETAILS[purpose]);
    const lateDays = rng.int(30, 180);
    const defaultAfter = rng.int(180, 360);
    const compensationAfter = rng.int(10, 60);
    const fundShare = rng.weighted(P.FUND_SHARES);

    // Principal schedule: yearly instalments (a third each) or all at maturity.
    const principalDue: Array<[number, number]> = instalments
      ? [[addMonthsDay(start, 12), Math.round(amountFen / 3)], [addMonthsDay(start, 24), Math.round(amountFen / 3)], [maturity, amountFen - 2 * Math.round(amountFen / 3)]]
      : [[maturity, amountFen]];
    const finalDue = principalDue[principalDue.length - 1];

    // Events in date order: interest settlements, principal instalments; the last one may go wrong.
    const overdueSince = outcome === 'ON_TIME' ? null : finalDue[0] + 1;
    const lateRepaid = outcome === 'LATE' ? finalDue[0] + lateDays : null;
    const defaultedOn = outcome === 'DEFAULT' ? (overdueSince as number) + defaultAfter : null;
    const compensatedOn = defaultedOn === null ? null : defaultedOn + compensationAfter;

    const repayments: RepaymentRow[] = [];
    let outstanding = amountFen;
    let accruedFrom = start;
    const pay = (d: number, principal: number) => {
      const interest = Math.round((outstanding * rate * (d - accruedFrom)) / DAY_RATE_DIVISOR);
      accruedFrom = d;
      outstanding -= principal;
      if (principal + interest > 0) repayments.push({ loanId: id, repaymentDate: formatDay(d), principalFen: principal, interestFen: interest });
    };
    // One repayment a day: an instalment that falls on a settlement day pays both at once.
    const events = new Map<number, number>();
    for (const d of settlementDays(start, finalDue[0])) events.set(d, 0);
    for (const [d, principal] of principalDue.slice(0, -1)) events.set(d, (events.get(d) ?? 0) + principal);
    for (const [d, principal] of [...events].sort((a, b) => a[0] - b[0])) if (d <= HORIZON) pay(d, principal);
    let status = MicroLoanStatus.ACTIVE;
    let repaidOn: number | null = null;
    let overdueAmount = 0;
    let defaulted: number | null = null;
    if (finalDue[0] <= HORIZON) {
      if (outcome === 'ON_TIME') {
        pay(finalDue[0], finalDue[1]);
        status = MicroLoanStatus.REPAID;
        repaidOn = finalDue[0];
      } else if (outcome === 'LATE' && (lateRepaid as number) <= HORIZON) {
        pay(lateRepaid as number, outstanding);
        status = MicroLoanStatus.REPAID;
        repaidOn = lateRepaid;
      } else if (outcome === 'DEFAULT' && (compensatedOn as number) <= HORIZON) {
        status = MicroLoanStatus.DEFAULTED;
        defaulted = defaultedOn;
        const compensation = Math.round((outstanding * fundShare) / 100);
        out.compensations.push({ countyCode: county, loanId: id, compensationDate: formatDay(compensatedOn as number), amountFen: compensation, fundSharePct: fundShare });
        out.compensationByYear[yearOf(compensatedOn as number)] = (out.compensationByYear[yearOf(compensatedOn as number)] ?? 0) + compensation;
      } else {
        status = MicroLoanStatus.OVERDUE;
        overdueAmount = outstanding;
      }
    }
    out.repayments.push(...repayments);
    out.loans.push({
      id, householdId: f.id, borrowerId: borrower.id, creditRating: rating, creditLineFen: CREDIT_LINE_BY_RATING[rating as CreditRating], bank: rng.weighted(P.BANKS),
      amountFen, disbursementDate: formatDay(start), termMonths: term, maturityDate: formatDay(maturity), annualRateBp: rate, subsidySharePct: 100,
      purpose, purposeDetail: detail, status,
      overdueSince: overdueSince !== null && overdueSince <= HORIZON ? formatDay(overdueSince) : null,
      overdueAmountFen: overdueAmount, repaidOn: repaidOn === null ? null : formatDay(repaidOn), defaultedOn: defaulted === null ? null : formatDay(defaulted),
    });

    // 贴息: interest paid while the loan was not overdue, refunded per quarter in the month after it.
    const byQuarter = new Map<string, { interest: number; last: number }>();
    for (const r of repayments) {
      const d = dayOf(r.repaymentDate);
      if (r.interestFen === 0 || (overdueSince !== null && d >= overdueSince)) continue;
      const key = quarterPeriod(yearOf(d), quarterOf(d));
      const q = byQuarter.get(key) ?? { interest: 0, last: d };
      q.interest += r.interestFen;
      q.last = Math.max(q.last, d);
      byQuarter.set(key, q);
    }
    for (const [period, q] of byQuarter) {
      const runMonth = nextQuarterStart(q.last);
      out.subsidies.push({
        programme: Programme.MICROCREDIT_INTEREST_SUBSIDY, personId: borrower.id, payee: Payee.PERSON, period, amountFen: Math.round((q.interest * 100) / 100),
        due: batchDay(seed, Programme.MICROCREDIT_INTEREST_SUBSIDY, yearOf(runMonth), monthOf(runMonth), 10, 25), sourceRecordId: id, recurring: true, origin: 'finance',
      });
    }

    // The book at each year end: disbursed, not yet paid off, not written off.
    for (let y = yearOf(start); y <= P.LAST_DATA_YEAR; y++) {
      const end = day(y, 12, 31);
      if ((repaidOn !== null && repaidOn <= end) || (defaulted !== null && defaulted <= end)) break;
      const repaid = repayments.filter((r) => dayOf(r.repaymentDate) <= end).reduce((s, r) => s + r.principalFen, 0);
      out.outstandingByYear[y] = (out.outstandingByYear[y] ?? 0) + amountFen - repaid;
    }

    // 续贷: some borrowers borrow again after paying off, from the next quarter on.
    if (repaidOn !== null && rng.bool(P.RENEWAL_SHARE)) next = Math.max(nextQuarterStart(repaidOn), repaidOn + rng.int(20, 180));
  }
  return out;
}

function dayOf(iso: string): number {
  return day(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}
