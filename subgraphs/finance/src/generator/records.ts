import { HouseholdBundle } from '@saf/poverty-office';
import { factsOf } from './approximations';
import { Entitlement } from './entitlements';
import { loansFor } from './microcredit';
import { payEntitlements } from './payments';
import { CompensationRow, DisbursementRow, MicroLoanRow, RepaymentRow } from './rows';
import { sourceEntitlements } from './sources';

/** Everything finance holds for one household. */
export interface FinanceRecords {
  householdId: string;
  disbursements: DisbursementRow[];
  loans: MicroLoanRow[];
  repayments: RepaymentRow[];
  compensations: CompensationRow[];
  /** The entitlements the disbursements were made from (gaps are entitlements without a payment). */
  entitlements: Entitlement[];
  /** Principal outstanding at each year end and compensations by year, for the county fund. */
  outstandingByYear: Record<number, number>;
  compensationByYear: Record<number, number>;
}

/**
 * Finance's records for one register household: a pure function of the household and the seed
 * (each part draws from its own stream of seed + household id), so that loading, tests and other
 * generators all see the same payments and loans. Finance pays for what the other departments
 * record: civil affairs' payment orders (dibao, destitute support, disability allowances, temporary
 * and medical assistance, premiums for dibao and destitute members), education's aid grants,
 * health's finance-funded premium subsidies, housing's accepted renovations and relocations, and
 * its own microcredit interest subsidies; industry, ecological and employment payments follow the
 * register. A small share of payments is returned or fails (most are re-issued) and a few never
 * happen: the gaps coverage checks should find.
 */
export function financeRecordsFor(bundle: HouseholdBundle, seed: number): FinanceRecords {
  const facts = factsOf(bundle);
  const loans = loansFor(bundle, seed, facts);
  const entitlements = [...sourceEntitlements(bundle, seed, facts, loans.loans.length > 0), ...loans.subsidies];
  return {
    householdId: facts.id,
    disbursements: payEntitlements(facts.id, entitlements, seed),
    loans: loans.loans,
    repayments: loans.repayments,
    compensations: loans.compensations,
    entitlements,
    outstandingByYear: loans.outstandingByYear,
    compensationByYear: loans.compensationByYear,
  };
}
