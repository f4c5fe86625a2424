import { byTextId, manyBy } from '../common/loaders';
import { InsuranceEnrolment } from './entities';

const ORDER = { year: 'ASC', personId: 'ASC', scheme: 'ASC' } as const;
export const enrolmentById = byTextId(InsuranceEnrolment);
export const enrolmentsByHousehold = manyBy(InsuranceEnrolment, 'householdId', ORDER);
export const enrolmentsByPerson = manyBy(InsuranceEnrolment, 'personId', ORDER);
