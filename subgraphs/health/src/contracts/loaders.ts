import { byNumericId, manyBy } from '../common/loaders';
import { FamilyDoctorContract } from './entities';

const ORDER = { startDate: 'ASC', personId: 'ASC', id: 'ASC' } as const;
export const contractById = byNumericId(FamilyDoctorContract);
export const contractsByHousehold = manyBy(FamilyDoctorContract, 'householdId', ORDER);
export const contractsByPerson = manyBy(FamilyDoctorContract, 'personId', ORDER);
