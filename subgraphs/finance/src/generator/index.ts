/**
 * Finance's synthetic records, following the register (and the other departments' records):
 *
 *   loadFinance(pool, { size: 'county', seed: 1 })
 *   financeRecordsFor(bundle, 1)   // one household's payments and loans, without a database
 */
export { financeRecordsFor } from './records';
export type { FinanceRecords } from './records';
export { loadFinance } from './load';
export type { FinanceLoadOptions, FinanceLoadResult } from './load';
export { riskFundContributions, emptyBook, addToBook } from './riskFund';
export type { CountyBook } from './riskFund';
export type { Entitlement, EntitlementOrigin } from './entitlements';
export { FINANCE_TABLES } from './rows';
export type { DisbursementRow, MicroLoanRow, RepaymentRow, CompensationRow, ContributionRow } from './rows';
export { PROGRAMME_SOURCES, CIVIL_AFFAIRS_PROGRAMMES, EDUCATION_PROGRAMMES, EDUCATION_PAYEES, HEALTH_PROGRAMMES } from './sources';
export * as financeParams from './params';
