import { DepartmentDefinition, PersonalKind, SubgraphContext } from '@saf/kit';
import { CivilAffairsAggregateResolver } from './assistance/aggregates';
import { CountyDibaoLineResolver } from './assistance/countyLines';
import { CivilAffairsAreaAssistanceResolver } from './assistance/resolvers';
import { SafetyNetRosterResolver } from './assistance/roster';
import { loadCivilAffairs } from './generator';
import { CIVIL_AFFAIRS_IMPORTS } from './imports';
import { CivilAffairs1700000000001 } from './migrations/1700000000001-CivilAffairs';
import { DibaoLines1700000000002 } from './migrations/1700000000002-DibaoLines';
import { CountyDibaoLines1700000000003 } from './migrations/1700000000003-CountyDibaoLines';
import { RecheckHouseholdIndex1700000000004 } from './migrations/1700000000004-RecheckHouseholdIndex';
import { DibaoCoveredPersonResolver, DibaoEnrolmentResolver, DibaoLineResolver } from './records/dibaoResolver';
import {
  DestituteSupport,
  DibaoCoveredPerson,
  DibaoEnrolment,
  DibaoLine,
  DibaoRecheck,
  DisabilityAllowance,
  MedicalAssistanceGrant,
  TemporaryAssistanceEvent,
} from './records/entities';
import { destituteSupportById, dibaoEnrolmentById, disabilityAllowanceById, medicalAssistanceById, temporaryAssistanceById } from './records/loaders';
import { CivilAffairsMutationResolver } from './records/mutationResolver';
import { HouseholdCivilAffairsResolver, PersonCivilAffairsResolver } from './records/registerExtensions';
import { DestituteSupportResolver, DisabilityAllowanceResolver, MedicalAssistanceResolver, TemporaryAssistanceResolver } from './records/supportResolvers';

/**
 * Civil affairs (民政): dibao, destitute support, temporary assistance, disability allowances and
 * medical assistance. Leads the SOCIAL_SAFETY_NET duty area and supports HEALTH.
 */
export const civilAffairs: DepartmentDefinition = {
  name: 'civil-affairs',
  defaultPort: 4004,
  resolvers: [
    HouseholdCivilAffairsResolver,
    PersonCivilAffairsResolver,
    DibaoEnrolmentResolver,
    DibaoCoveredPersonResolver,
    DibaoLineResolver,
    DestituteSupportResolver,
    TemporaryAssistanceResolver,
    DisabilityAllowanceResolver,
    MedicalAssistanceResolver,
    CivilAffairsMutationResolver,
    // Issue 4: the sector view (AreaAssistance.civilAffairs), dashboard aggregates and the 两线合一 feeds.
    CivilAffairsAreaAssistanceResolver,
    CivilAffairsAggregateResolver,
    SafetyNetRosterResolver,
    CountyDibaoLineResolver,
  ],
  entities: [DibaoLine, DibaoEnrolment, DibaoCoveredPerson, DibaoRecheck, DestituteSupport, TemporaryAssistanceEvent, DisabilityAllowance, MedicalAssistanceGrant],
  migrations: [CivilAffairs1700000000001, DibaoLines1700000000002, CountyDibaoLines1700000000003, RecheckHouseholdIndex1700000000004],
  // Issue 6: masked for analysts, dashboards and admins, audited on every read. The re-check notes
  // are the officer's free text on the household's economic situation (家庭经济状况核对): they may state incomes.
  personalFields: {
    DibaoEnrolment: { assessedIncomeMonthly: PersonalKind.INCOME },
    DibaoRecheck: { assessedIncomeMonthly: PersonalKind.INCOME, notes: PersonalKind.INCOME },
  },
  // Issue 6: small-cell suppression of the list summaries (null, suppressed: true, for analysts and dashboards).
  aggregateCells: {
    DibaoEnrolmentSummary: { counts: ['households', 'personsCovered'], hide: ['enrolments', 'totalMonthlyAmount'] },
    DestituteSupportSummary: { counts: ['persons', 'institutional', 'atHome'], hide: ['supports', 'totalMonthlyAmount'] },
    TemporaryAssistanceSummary: { counts: ['households'], hide: ['events', 'totalCash', 'totalInKindValue'] },
    DisabilityAllowanceSummary: { counts: ['persons'], hide: ['allowances', 'totalMonthlyAmount'] },
    MedicalAssistanceSummary: { counts: ['persons'], hide: ['grants', 'totalAmount', 'premiumSubsidyAmount', 'treatmentAmount'] },
  },
  referenceResolvers: {
    DibaoEnrolment: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(dibaoEnrolmentById).load(String(ref.id)) },
    DestituteSupport: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(destituteSupportById).load(String(ref.id)) },
    TemporaryAssistanceEvent: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(temporaryAssistanceById).load(String(ref.id)) },
    DisabilityAllowance: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(disabilityAllowanceById).load(String(ref.id)) },
    MedicalAssistanceGrant: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(medicalAssistanceById).load(String(ref.id)) },
  },
  // Demo data on a first start (DEMO_HOUSEHOLDS, seed 1), `npm run generate`: the register's county plus the legacy roster.
  syntheticData: { load: (pool, options) => loadCivilAffairs(pool, options) },
  imports: CIVIL_AFFAIRS_IMPORTS,
};

export * from './codes';
export * from './generator';
export * from './imports';
