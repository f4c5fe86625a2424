import { byNumericId, manyBy } from '../common/loaders';
import { HospitalSettlement } from './entities';

const ORDER = { admittedOn: 'ASC', personId: 'ASC', id: 'ASC' } as const;
export const settlementById = byNumericId(HospitalSettlement);
export const settlementsByHousehold = manyBy(HospitalSettlement, 'householdId', ORDER);
export const settlementsByPerson = manyBy(HospitalSettlement, 'personId', ORDER);
