import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';
import { MicroLoan, MicroLoanRepayment, RiskFundCompensation, RiskFundContribution } from './entities';

/** One SQL statement per loader per request, whatever the number of keys. */

export const loanById: LoaderFactory<string, MicroLoan | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(MicroLoan).findBy({ id: In([...ids]) }), (l) => l.id));

export const loansByHousehold: LoaderFactory<string, MicroLoan[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(MicroLoan).find({ where: { householdId: In([...ids]) }, order: { disbursementDate: 'ASC', id: 'ASC' } }), (l) => l.householdId),
  );

export const loansByBorrower: LoaderFactory<string, MicroLoan[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(MicroLoan).find({ where: { borrowerId: In([...ids]) }, order: { disbursementDate: 'ASC', id: 'ASC' } }), (l) => l.borrowerId),
  );

export const repaymentsByLoan: LoaderFactory<string, MicroLoanRepayment[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(MicroLoanRepayment).find({ where: { loanId: In([...ids]) }, order: { date: 'ASC', id: 'ASC' } }), (r) => r.loanId),
  );

export const compensationByLoan: LoaderFactory<string, RiskFundCompensation | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(RiskFundCompensation).findBy({ loanId: In([...ids]) }), (c) => c.loanId));

/** Keys are "<county code>:<year>". */
export const contributionsByCountyYear: LoaderFactory<string, RiskFundContribution[]> = (db) =>
  new DataLoader(async (keys) => {
    const counties = [...new Set(keys.map((k) => k.split(':')[0]))];
    const rows = await db.getRepository(RiskFundContribution).find({ where: { countyCode: In(counties) }, order: { date: 'ASC', id: 'ASC' } });
    return manyByKey(keys, rows, (r) => `${r.countyCode}:${r.date.slice(0, 4)}`);
  });

export const compensationsByCountyYear: LoaderFactory<string, RiskFundCompensation[]> = (db) =>
  new DataLoader(async (keys) => {
    const counties = [...new Set(keys.map((k) => k.split(':')[0]))];
    const rows = await db.getRepository(RiskFundCompensation).find({ where: { countyCode: In(counties) }, order: { date: 'ASC', id: 'ASC' } });
    return manyByKey(keys, rows, (r) => `${r.countyCode}:${r.date.slice(0, 4)}`);
  });
