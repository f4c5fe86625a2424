import { byNumericId, manyBy } from '../common/loaders';
import { SeriousIllnessTreatment } from './entities';

const ORDER = { diagnosedOn: 'ASC', personId: 'ASC', id: 'ASC' } as const;
export const treatmentById = byNumericId(SeriousIllnessTreatment);
export const treatmentsByHousehold = manyBy(SeriousIllnessTreatment, 'householdId', ORDER);
export const treatmentsByPerson = manyBy(SeriousIllnessTreatment, 'personId', ORDER);
