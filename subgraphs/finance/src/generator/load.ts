import type { Pool } from 'pg';
import { bulkLoad, LoadMethod } from '@saf/kit';
import { countyModel, householdsOf, resolveSize } from '@saf/poverty-office';
import type { RegisterLoadOptions } from '@saf/poverty-office';
import { financeRecordsFor } from './records';
import { addToBook, CountyBook, emptyBook, riskFundContributions } from './riskFund';
import { FINANCE_TABLE_ORDER, FINANCE_TABLES } from './rows';

export type FinanceLoadOptions = RegisterLoadOptions;

export interface FinanceLoadResult {
  method: LoadMethod;
  households: number;
  rows: Record<string, number>;
  milliseconds: number;
}


/** The last item of the walk: the county funds, sized from the loan book gathered on the way. */
type Item = { kind: 'household'; bundle: Parameters<typeof financeRecordsFor>[0] } | { kind: 'funds' };

/**
 * Generates finance's records for the register's households (the same size and seed give the same
 * households as the register) and writes them in one transaction: COPY on PostgreSQL, batched
 * INSERTs on PGlite. The county risk funds come last, sized from the loans generated before them.
 */
export async function loadFinance(pool: Pool, options: FinanceLoadOptions): Promise<FinanceLoadResult> {
  const size = resolveSize(options.size);
  const county = countyModel(size, options.seed);
  const books = new Map<string, CountyBook>();
  function* items(): Generator<Item> {
    // details: false skips the register's visits and procedure steps, which finance does not use.
    for (const bundle of householdsOf(county, { details: false })) yield { kind: 'household', bundle };
    yield { kind: 'funds' };
  }
  const result = await bulkLoad<Item>(pool, {
    tables: FINANCE_TABLE_ORDER,
    items: items(),
    total: size + 1,
    addItem: (sink, item) => {
      if (item.kind === 'funds') {
        for (const book of books.values()) for (const row of riskFundContributions(book, options.seed)) sink.add(FINANCE_TABLES.risk_fund_contribution, row);
        return;
      }
      const r = financeRecordsFor(item.bundle, options.seed);
      for (const row of r.loans) sink.add(FINANCE_TABLES.micro_loan, row);
      for (const row of r.repayments) sink.add(FINANCE_TABLES.micro_loan_repayment, row);
      for (const row of r.compensations) sink.add(FINANCE_TABLES.risk_fund_compensation, row);
      for (const row of r.disbursements) sink.add(FINANCE_TABLES.disbursement, row);
      const code = `${r.householdId.slice(0, 6)}000000`;
      let book = books.get(code);
      if (!book) books.set(code, (book = emptyBook(code)));
      addToBook(book, r.outstandingByYear, r.compensationByYear);
    },
    replace: options.replace,
    method: options.method,
    chunkItems: options.chunkHouseholds,
    onProgress: options.onProgress ? (done, total) => options.onProgress!(Math.min(done, size), total - 1) : undefined,
  });
  return { method: result.method, households: size, rows: result.rows, milliseconds: result.milliseconds };
}
