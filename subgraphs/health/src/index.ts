import { DepartmentDefinition, LoaderFactory, PersonalKind, SubgraphContext } from '@saf/kit';
import { HealthAggregateResolver } from './assistance/aggregates';
import { AreaAssistanceHealthResolver, ExitAssessmentHealthResolver } from './assistance/resolvers';
import { ContractResolver } from './contracts/resolvers';
import { FamilyDoctorContract } from './contracts/entities';
import { contractById } from './contracts/loaders';
import { HouseholdHealthResolver, PersonHealthResolver } from './federation/resolvers';
import { loadHealth } from './generator';
import { InsuranceEnrolment } from './insurance/entities';
import { enrolmentById } from './insurance/loaders';
import { InsuranceResolver } from './insurance/resolvers';
import { Health1700000000001 } from './migrations/1700000000001-Health';
import { HospitalSettlement } from './settlements/entities';
import { settlementById } from './settlements/loaders';
import { SettlementResolver } from './settlements/resolvers';
import { SeriousIllnessTreatment } from './treatments/entities';
import { treatmentById } from './treatments/loaders';
import { TreatmentResolver } from './treatments/resolvers';
import { HEALTH_IMPORTS } from './imports';

const byId =
  <T>(loader: LoaderFactory<string, T | null>) =>
  (ref: Record<string, unknown>, ctx: SubgraphContext) =>
    ctx.loaders.get(loader).load(String(ref.id));

/**
 * Health and medical insurance (卫生健康/医保): insurance enrolments with premium subsidies,
 * family-doctor contracts, serious-illness special treatment and hospital settlements. Leads the
 * HEALTH duty area; extends the register's Household and Person, and the sector view's
 * AreaAssistance (its contribution and verdict) and ExitAssessment (BASIC_MEDICAL_CARE).
 */
export const health: DepartmentDefinition = {
  name: 'health',
  defaultPort: 4003,
  resolvers: [
    HouseholdHealthResolver, PersonHealthResolver, InsuranceResolver, ContractResolver, TreatmentResolver, SettlementResolver,
    AreaAssistanceHealthResolver, ExitAssessmentHealthResolver, HealthAggregateResolver,
  ],
  entities: [InsuranceEnrolment, FamilyDoctorContract, SeriousIllnessTreatment, HospitalSettlement],
  migrations: [Health1700000000001],
  personalFields: {
    HospitalSettlement: { diagnosis: PersonalKind.DIAGNOSIS },
    // The designated hospital and the follow-up counts tell the disease (designatedHospital, followUps*: see their descriptions).
    SeriousIllnessTreatment: { disease: PersonalKind.DIAGNOSIS, designatedHospital: PersonalKind.DIAGNOSIS },
    FamilyDoctorContract: { disease: PersonalKind.DIAGNOSIS, followUpsRequired: PersonalKind.DIAGNOSIS, followUpsDone: PersonalKind.DIAGNOSIS },
  },
  aggregateCells: {
    // Enrolments are one per person, year and scheme: every count of the row is a person count.
    HealthInsuranceCoverage: {
      counts: ['enrolledPersons', 'enrolledHouseholds', 'cancelledEnrolments', 'fullySubsidised', 'partiallySubsidised', 'unsubsidised'],
      hide: ['premiumTotal', 'individualContributionTotal', 'subsidyTotal', 'subsidiesByDepartment'],
    },
    HealthPremiumSubsidyTotal: { counts: ['enrolments'], hide: ['amount'] },
    HospitalSettlementTotals: {
      counts: ['persons', 'households'],
      hide: [
        'settlements', 'totalCost', 'basicInsurance', 'criticalIllness', 'medicalAssistance', 'safetyNet', 'commercialTopUp', 'outOfPocket',
        'averageOutOfPocketRatio', 'overallOutOfPocketRatio', 'deferredPayments', 'deferredUnpaid', 'oneStopSettled',
      ],
    },
  },
  referenceResolvers: {
    HealthInsuranceEnrolment: { __resolveReference: byId(enrolmentById) },
    FamilyDoctorContract: { __resolveReference: byId(contractById) },
    SeriousIllnessTreatment: { __resolveReference: byId(treatmentById) },
    HospitalSettlement: { __resolveReference: byId(settlementById) },
  },
  syntheticData: { load: (pool, options) => loadHealth(pool, options) },
  imports: HEALTH_IMPORTS,
};

export * from './generator';
export * from './codes';
export { enrolmentId } from './insurance/entities';
