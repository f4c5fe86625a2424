import { DepartmentDefinition, SubgraphContext } from '@saf/kit';
import { FinanceAggregateResolver, FinanceAssistanceResolver } from './assistance/resolvers';
import { Disbursement } from './disbursement/entities';
import { disbursementById } from './disbursement/loaders';
import { DisbursementResolver } from './disbursement/resolvers';
import { FinanceHouseholdResolver, FinancePersonResolver } from './extensions';
import { Finance1700000000001 } from './migrations/1700000000001-Finance';
import { MicroLoan, MicroLoanRepayment, RiskFundCompensation, RiskFundContribution } from './microcredit/entities';
import { loanById } from './microcredit/loaders';
import { MicroLoanResolver, RiskFundResolver } from './microcredit/resolvers';
import { loadFinance } from './generator';
import { FINANCE_IMPORTS } from './imports';

/**
 * Finance (财政, and the finance side of 金融扶贫): 一卡通 subsidy disbursements it pays for the
 * other departments' records, poverty microcredit and the county risk-compensation funds.
 */
export const finance: DepartmentDefinition = {
  name: 'finance',
  defaultPort: 4006,
  resolvers: [FinanceHouseholdResolver, FinancePersonResolver, DisbursementResolver, MicroLoanResolver, RiskFundResolver, FinanceAssistanceResolver, FinanceAggregateResolver],
  entities: [Disbursement, MicroLoan, MicroLoanRepayment, RiskFundContribution, RiskFundCompensation],
  migrations: [Finance1700000000001],
  syntheticData: { load: (pool, options) => loadFinance(pool, options) },
  imports: FINANCE_IMPORTS,
  // Issue 6: small-cell suppression (null, suppressed: true, for analysts and dashboards). Totals
  // count distinct households, since one household gets many payments; summaries count their records.
  // Finance holds no personal field of the kinds the kit masks (see README, Access rules).
  aggregateCells: {
    DisbursementTotal: { counts: ['households'], hide: ['count', 'amount', 'paidCount', 'paidAmount', 'unpaidCount', 'unpaidAmount'] },
    DisbursementSummary: { counts: ['count'], hide: ['totalAmount'] },
    MicroLoanTotal: { counts: ['households'], hide: ['count', 'amount', 'principalRepaid', 'principalOutstanding', 'overdueAmount', 'interestSubsidised'] },
    MicroLoanSummary: { counts: ['count'], hide: ['totalAmount'] },
    MicrocreditRiskFund: { counts: ['loansDisbursed', 'loansOutstanding'], hide: ['amountDisbursed', 'principalOutstanding', 'leverage'] },
  },
  referenceResolvers: {
    Disbursement: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(disbursementById).load(String(ref.id)) },
    MicroLoan: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(loanById).load(String(ref.id)) },
  },
};

export * from './codes';
export { PROGRAMME_RULES, DEFAULT_RULE, resolveProgrammeRule } from './programmes';
export type { ProgrammeRule } from './programmes';
export * from './generator';
export * from './imports';
