import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';
import { CadreAssignment, Household, HouseholdIncome, HouseholdVisit, Person, ProcedureStep, StatusPeriod, Cadre } from './entities';

/** One SQL statement per loader per request, whatever the number of households asked for. */

export const householdById: LoaderFactory<string, Household | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(Household).findBy({ id: In([...ids]) }), (h) => h.id));

export const personById: LoaderFactory<string, Person | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(Person).findBy({ id: In([...ids]) }), (p) => p.id));

export const membersByHousehold: LoaderFactory<string, Person[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(Person).find({ where: { householdId: In([...ids]) }, order: { id: 'ASC' } }), (p) => p.householdId),
  );

export const statusPeriodsByHousehold: LoaderFactory<string, StatusPeriod[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(StatusPeriod).find({ where: { householdId: In([...ids]) }, order: { effectiveFrom: 'ASC' } }), (p) => p.householdId),
  );

export const incomesByHousehold: LoaderFactory<string, HouseholdIncome[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(HouseholdIncome).find({ where: { householdId: In([...ids]) }, order: { year: 'ASC' } }), (i) => i.householdId),
  );

export const visitsByHousehold: LoaderFactory<string, HouseholdVisit[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(HouseholdVisit).find({ where: { householdId: In([...ids]) }, order: { visitDate: 'ASC', id: 'ASC' } }), (v) => v.householdId),
  );

export const cadreAssignmentsByHousehold: LoaderFactory<string, CadreAssignment[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(CadreAssignment).find({ where: { householdId: In([...ids]) }, order: { assignedFrom: 'ASC' } }), (a) => a.householdId),
  );

export const cadreById: LoaderFactory<string, Cadre | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(Cadre).findBy({ id: In([...ids]) }), (c) => c.id));

export const procedureStepsByHousehold: LoaderFactory<string, ProcedureStep[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(
      ids,
      await db.getRepository(ProcedureStep).find({ where: { householdId: In([...ids]) }, order: { procedure: 'DESC', stepOrder: 'ASC', stepDate: 'ASC' } }),
      (s) => s.householdId,
    ),
  );
