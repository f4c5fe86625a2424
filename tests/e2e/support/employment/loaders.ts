import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, manyByKey } from '@saf/kit';
import { EmploymentMeasure } from './entities';

/** One statement per loader per request, whatever the number of households or persons asked for. */

export const measuresByHousehold: LoaderFactory<string, EmploymentMeasure[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(EmploymentMeasure).find({ where: { householdId: In([...ids]) }, order: { id: 'ASC' } }), (m) => m.householdId),
  );

export const measuresByPerson: LoaderFactory<string, EmploymentMeasure[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(EmploymentMeasure).find({ where: { personId: In([...ids]) }, order: { id: 'ASC' } }), (m) => m.personId),
  );
