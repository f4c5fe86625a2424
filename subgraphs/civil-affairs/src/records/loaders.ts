import DataLoader from 'dataloader';
import { In, ObjectLiteral } from 'typeorm';
import { LoaderFactory, manyByKey, oneByKey } from '@saf/kit';
import {
  DestituteSupport,
  DibaoCoveredPerson,
  DibaoEnrolment,
  DibaoRecheck,
  DisabilityAllowance,
  MedicalAssistanceGrant,
  TemporaryAssistanceEvent,
} from './entities';

/** One SQL statement per loader per request, whatever the number of keys asked for. */

type EntityClass<T> = new () => T;

function byId<T extends ObjectLiteral & { id: string }>(entity: EntityClass<T>): LoaderFactory<string, T | null> {
  return (db) => new DataLoader(async (ids) => oneByKey(ids, await db.getRepository(entity).findBy({ id: In([...ids]) } as never), (r) => r.id));
}

function manyBy<T extends ObjectLiteral>(entity: EntityClass<T>, key: keyof T & string, order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>): LoaderFactory<string, T[]> {
  return (db) =>
    new DataLoader(async (keys) =>
      manyByKey(keys, await db.getRepository(entity).find({ where: { [key]: In([...keys]) } as never, order: order as never }), (r) => r[key] as string),
    );
}

export const dibaoEnrolmentById = byId(DibaoEnrolment);
export const dibaoEnrolmentsByHousehold = manyBy(DibaoEnrolment, 'householdId', { startDate: 'ASC', id: 'ASC' });
export const coverageByEnrolment = manyBy(DibaoCoveredPerson, 'enrolmentId', { personId: 'ASC' });
export const coverageByPerson = manyBy(DibaoCoveredPerson, 'personId', { coveredFrom: 'ASC', enrolmentId: 'ASC' });
export const rechecksByEnrolment = manyBy(DibaoRecheck, 'enrolmentId', { recheckDate: 'ASC' });
export const rechecksByHousehold = manyBy(DibaoRecheck, 'householdId', { enrolmentId: 'ASC', recheckDate: 'ASC' });

export const destituteSupportById = byId(DestituteSupport);
export const destituteSupportsByHousehold = manyBy(DestituteSupport, 'householdId', { personId: 'ASC', startDate: 'ASC' });
export const destituteSupportsByPerson = manyBy(DestituteSupport, 'personId', { startDate: 'ASC' });

export const temporaryAssistanceById = byId(TemporaryAssistanceEvent);
export const temporaryAssistanceByHousehold = manyBy(TemporaryAssistanceEvent, 'householdId', { approvalDate: 'ASC', id: 'ASC' });

export const disabilityAllowanceById = byId(DisabilityAllowance);
export const disabilityAllowancesByHousehold = manyBy(DisabilityAllowance, 'householdId', { personId: 'ASC', type: 'ASC', startDate: 'ASC' });
export const disabilityAllowancesByPerson = manyBy(DisabilityAllowance, 'personId', { type: 'ASC', startDate: 'ASC' });

export const medicalAssistanceById = byId(MedicalAssistanceGrant);
export const medicalAssistanceByHousehold = manyBy(MedicalAssistanceGrant, 'householdId', { grantDate: 'ASC', id: 'ASC' });
export const medicalAssistanceByPerson = manyBy(MedicalAssistanceGrant, 'personId', { grantDate: 'ASC', id: 'ASC' });

/** Whether a period [start, end] (end inclusive, null = open) contains a date. */
export function activeOn(period: { startDate: string; endDate: string | null }, date: string): boolean {
  return period.startDate <= date && (period.endDate === null || date <= period.endDate);
}

/** Whether a period overlaps a calendar year. */
export function activeInYear(period: { startDate: string; endDate: string | null }, year: number): boolean {
  return period.startDate <= `${year}-12-31` && (period.endDate === null || period.endDate >= `${year}-01-01`);
}
