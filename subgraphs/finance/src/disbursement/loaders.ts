import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';
import { Programme } from '../codes';
import { Disbursement } from './entities';

/** One SQL statement per loader per request, whatever the number of keys. */

const ORDER = { paymentDate: 'ASC', id: 'ASC' } as const;

/** By id; ids that are not positive integers match nothing (and cost no statement). */
export const disbursementById: LoaderFactory<string, Disbursement | null> = (db) =>
  new DataLoader(async (ids) => {
    const valid = ids.filter((id) => /^[1-9][0-9]{0,17}$/.test(id));
    const rows = valid.length ? await db.getRepository(Disbursement).findBy({ id: In(valid) as never }) : [];
    return oneByKey(ids, rows, (d) => String(d.id));
  });

export const disbursementsByHousehold: LoaderFactory<string, Disbursement[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(Disbursement).find({ where: { householdId: In([...ids]) }, order: ORDER }), (d) => d.householdId),
  );

export const disbursementsByPerson: LoaderFactory<string, Disbursement[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(Disbursement).find({ where: { personId: In([...ids]) }, order: ORDER }), (d) => d.personId as string),
  );

/** Interest-subsidy payments of loans (their sourceRecordId is the loan contract number). */
export const interestSubsidiesByLoan: LoaderFactory<string, Disbursement[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(
      ids,
      await db.getRepository(Disbursement).find({ where: { sourceRecordId: In([...ids]), programme: Programme.MICROCREDIT_INTEREST_SUBSIDY }, order: ORDER }),
      (d) => d.sourceRecordId as string,
    ),
  );
