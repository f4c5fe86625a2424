import { DepartmentDefinition, PersonalKind } from '@saf/kit';
import { Employment1700000000001 } from './migrations/1700000000001-Employment';
import { EmploymentMeasure } from './entities';
import { EmploymentHouseholdResolver, EmploymentPersonResolver } from './householdResolver';
import { EmploymentMutationResolver } from './recordMeasure';
import { EmploymentAggregateResolver, EmploymentAreaAssistanceResolver } from './assistance';

/**
 * Human resources and social security (人力资源社会保障, 人社): the seventh department, lead of the
 * EMPLOYMENT area (就业扶贫, seed 004 item 3). Extends Household and Person with employment
 * measures and adds its contribution to the sector view. It is the executable version of
 * docs/adding-a-department.md.
 */
export const employment: DepartmentDefinition = {
  name: 'employment',
  defaultPort: 4007,
  resolvers: [EmploymentHouseholdResolver, EmploymentPersonResolver, EmploymentMutationResolver, EmploymentAreaAssistanceResolver, EmploymentAggregateResolver],
  entities: [EmploymentMeasure],
  migrations: [Employment1700000000001],
  // Income from a job is personal: masked for analysts and dashboards, every read audited.
  personalFields: {
    EmploymentMeasure: { monthlyIncome: PersonalKind.INCOME },
  },
};
