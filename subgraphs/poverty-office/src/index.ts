import { DepartmentDefinition, PersonalKind, SubgraphContext } from '@saf/kit';
import { Register1700000000001 } from './migrations/1700000000001-Register';
import { ReferenceData1700000000002 } from './migrations/1700000000002-ReferenceData';
import { Department, DutyArea, DutyAreaDepartment, PovertyLine, Region } from './reference/entities';
import { DepartmentResolver, DutyAreaResolver, PovertyLineResolver } from './reference/dutyMatrixResolver';
import { FederationMutationResolver } from './reference/federationResolver';
import { RegionResolver } from './reference/regionResolver';
import { Cadre, CadreAssignment, Household, HouseholdIncome, HouseholdVisit, Person, ProcedureStep, StatusPeriod } from './register/entities';
import { CadreAssignmentResolver, HouseholdIncomeResolver } from './register/detailResolvers';
import { HouseholdResolver } from './register/householdResolver';
import { householdById, personById } from './register/loaders';
import { RegisterMutationResolver } from './register/mutationResolver';
import { PersonResolver } from './register/personResolver';
import { loadRegister } from './generator';
import { PovertyOfficeAggregateResolver } from './assistance/aggregateResolver';
import { AreaAssistanceResolver } from './assistance/areaResolver';
import { ExitAssessmentResolver } from './assistance/exitResolver';
import { PovertyOfficeFeedsResolver } from './assistance/feedsResolver';
import { HouseholdAssistanceResolver } from './assistance/householdResolver';
import { assistanceReferenceResolvers } from './assistance/references';
import { POVERTY_OFFICE_IMPORTS } from './imports';

/**
 * The poverty office (扶贫办): owns Household and Person, the regions, the duty matrix and the poverty
 * line, and originates the sector view's AreaAssistance and ExitAssessment entities.
 */
export const povertyOffice: DepartmentDefinition = {
  name: 'poverty-office',
  defaultPort: 4001,
  resolvers: [
    HouseholdResolver,
    PersonResolver,
    RegisterMutationResolver,
    HouseholdIncomeResolver,
    CadreAssignmentResolver,
    RegionResolver,
    DutyAreaResolver,
    DepartmentResolver,
    FederationMutationResolver,
    PovertyLineResolver,
    HouseholdAssistanceResolver,
    AreaAssistanceResolver,
    ExitAssessmentResolver,
    PovertyOfficeAggregateResolver,
    PovertyOfficeFeedsResolver,
  ],
  entities: [Household, Person, StatusPeriod, HouseholdIncome, HouseholdVisit, Cadre, CadreAssignment, ProcedureStep, Region, Department, DutyArea, DutyAreaDepartment, PovertyLine],
  migrations: [Register1700000000001, ReferenceData1700000000002],
  personalFields: {
    Household: { phone: PersonalKind.PHONE, bankAccount: PersonalKind.BANK_ACCOUNT },
    Person: { residentId: PersonalKind.RESIDENT_ID },
    HouseholdIncome: { netIncomePerCapita: PersonalKind.INCOME },
    // The 帮扶责任人's own mobile number.
    Cadre: { phone: PersonalKind.PHONE },
  },
  aggregateCells: {
    RegisterTotal: { counts: ['households', 'persons'] },
  },
  referenceResolvers: {
    Household: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(householdById).load(ref.id as string) },
    Person: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(personById).load(ref.id as string) },
    ...assistanceReferenceResolvers,
  },
  syntheticData: { load: (pool, options) => loadRegister(pool, options) },
  imports: POVERTY_OFFICE_IMPORTS,
};

export * from './register/codes';
export * from './generator';
