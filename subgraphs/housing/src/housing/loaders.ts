import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';
import { DwellingAppraisal, RelocationHousing, RelocationMember, RenovationProject } from './entities';

/** One SQL statement per loader per request, whatever the number of households asked for. */

export const appraisalById: LoaderFactory<string, DwellingAppraisal | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(DwellingAppraisal).findBy({ id: In([...ids]) }), (a) => a.id));

/** A household's appraisals, oldest first. */
export const appraisalsByHousehold: LoaderFactory<string, DwellingAppraisal[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(
      ids,
      await db.getRepository(DwellingAppraisal).find({ where: { householdId: In([...ids]) }, order: { householdId: 'ASC', appraisalDate: 'ASC', id: 'ASC' } }),
      (a) => a.householdId,
    ),
  );

export const renovationById: LoaderFactory<string, RenovationProject | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(RenovationProject).findBy({ id: In([...ids]) }), (r) => r.id));

/** A household's renovation projects, in ID (approval) order. */
export const renovationsByHousehold: LoaderFactory<string, RenovationProject[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(RenovationProject).find({ where: { householdId: In([...ids]) }, order: { id: 'ASC' } }), (r) => r.householdId),
  );

/** The renovation project an appraisal triggered, if any. */
export const renovationByAppraisal: LoaderFactory<string, RenovationProject | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(RenovationProject).findBy({ appraisalId: In([...ids]) }), (r) => r.appraisalId));

export const relocationById: LoaderFactory<string, RelocationHousing | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(RelocationHousing).findBy({ id: In([...ids]) }), (r) => r.id));

export const relocationByHousehold: LoaderFactory<string, RelocationHousing | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(RelocationHousing).findBy({ householdId: In([...ids]) }), (r) => r.householdId));

/** The persons a relocation moved, in person ID order. */
export const membersByRelocation: LoaderFactory<string, RelocationMember[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(RelocationMember).find({ where: { relocationId: In([...ids]) }, order: { personId: 'ASC' } }), (m) => m.relocationId),
  );

/** The relocation that moved a person (one statement: the member rows joined to their relocation). */
export const relocationByPerson: LoaderFactory<string, RelocationHousing | null> = (db) =>
  new DataLoader(async (ids) => {
    const members = await db.getRepository(RelocationMember).find({ where: { personId: In([...ids]) }, relations: { relocation: true } });
    return oneByKey(ids, members, (m) => m.personId).map((m) => m?.relocation ?? null);
  });
