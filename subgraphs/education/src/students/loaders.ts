import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';
import { DropoutCase, DropoutFollowUp, HomeTeaching, Student, StudentAid, StudentAidStandard } from './entities';

/**
 * One SQL statement per loader per request, whatever the number of households, persons or
 * records asked for. Lists come oldest first: school year, then semester (spring before autumn).
 */

export const studentById: LoaderFactory<string, Student | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(Student).findBy({ id: In([...ids]) }), (s) => s.id));

export const studentsByHousehold: LoaderFactory<string, Student[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(Student).find({ where: { householdId: In([...ids]) }, order: { schoolYear: 'ASC', personId: 'ASC' } }), (s) => s.householdId),
  );

export const studentsByPerson: LoaderFactory<string, Student[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(Student).find({ where: { personId: In([...ids]) }, order: { schoolYear: 'ASC' } }), (s) => s.personId),
  );

const AID_ORDER = { year: 'ASC', semester: 'DESC', item: 'ASC' } as const;

export const aidById: LoaderFactory<string, StudentAid | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(StudentAid).findBy({ id: In([...ids]) }), (a) => a.id));

export const aidByStudent: LoaderFactory<string, StudentAid[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(StudentAid).find({ where: { studentId: In([...ids]) }, order: AID_ORDER }), (a) => a.studentId),
  );

export const aidByHousehold: LoaderFactory<string, StudentAid[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(StudentAid).find({ where: { householdId: In([...ids]) }, order: { ...AID_ORDER, personId: 'ASC' } }), (a) => a.householdId),
  );

export const aidByPerson: LoaderFactory<string, StudentAid[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(StudentAid).find({ where: { personId: In([...ids]) }, order: AID_ORDER }), (a) => a.personId),
  );

export const dropoutById: LoaderFactory<string, DropoutCase | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(DropoutCase).findBy({ id: In([...ids]) }), (d) => d.id));

export const dropoutsByHousehold: LoaderFactory<string, DropoutCase[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(DropoutCase).find({ where: { householdId: In([...ids]) }, order: { schoolYear: 'ASC', personId: 'ASC' } }), (d) => d.householdId),
  );

export const dropoutsByPerson: LoaderFactory<string, DropoutCase[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(DropoutCase).find({ where: { personId: In([...ids]) }, order: { schoolYear: 'ASC' } }), (d) => d.personId),
  );

export const followUpsByCase: LoaderFactory<string, DropoutFollowUp[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(DropoutFollowUp).find({ where: { caseId: In([...ids]) }, order: { followUpOn: 'ASC', id: 'ASC' } }), (f) => f.caseId),
  );

export const followUpsByHousehold: LoaderFactory<string, DropoutFollowUp[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(DropoutFollowUp).find({ where: { householdId: In([...ids]) }, order: { followUpOn: 'ASC', id: 'ASC' } }), (f) => f.householdId),
  );

export const homeTeachingById: LoaderFactory<string, HomeTeaching | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(HomeTeaching).findBy({ id: In([...ids]) }), (h) => h.id));

export const homeTeachingByHousehold: LoaderFactory<string, HomeTeaching[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(HomeTeaching).find({ where: { householdId: In([...ids]) }, order: { schoolYear: 'ASC', personId: 'ASC' } }), (h) => h.householdId),
  );

export const homeTeachingByPerson: LoaderFactory<string, HomeTeaching[]> = (db) =>
  new DataLoader(async (ids) =>
    manyByKey(ids, await db.getRepository(HomeTeaching).find({ where: { personId: In([...ids]) }, order: { schoolYear: 'ASC' } }), (h) => h.personId),
  );

/** The aid standards are a small reference table: read whole, once per request. */
export const aidStandards: LoaderFactory<'all', StudentAidStandard[]> = (db) =>
  new DataLoader(async (keys) => {
    const rows = await db.getRepository(StudentAidStandard).find({ order: { item: 'ASC', stage: 'ASC', condition: 'ASC', validFrom: 'ASC' } });
    return keys.map(() => rows);
  });
