import { DepartmentDefinition, PersonalKind, SubgraphContext } from '@saf/kit';
import { EducationAggregateResolver } from './assistance/aggregates';
import { AreaAssistanceEducationResolver, ExitAssessmentEducationResolver } from './assistance/resolvers';
import { Education1700000000001 } from './migrations/1700000000001-Education';
import { AidStandards1700000000002 } from './migrations/1700000000002-AidStandards';
import { FollowUpHouseholdIndex1700000000003 } from './migrations/1700000000003-FollowUpHouseholdIndex';
import { DropoutCase, DropoutFollowUp, HomeTeaching, Student, StudentAid, StudentAidStandard } from './students/entities';
import { HouseholdEducationResolver, PersonEducationResolver } from './students/householdResolver';
import { aidById, studentById } from './students/loaders';
import { EducationMutationResolver } from './students/mutationResolver';
import { DropoutCaseResolver, EducationQueryResolver, HomeTeachingResolver, StudentAidResolver, StudentResolver } from './students/recordResolvers';

/**
 * The education department (教育): student enrolment (学籍), student aid per semester (资助), dropout
 * control (控辍保学) and home teaching (送教上门). Extends Household and Person; owns the Student and
 * StudentAid entities. Leads the EDUCATION duty area: adds `education` to the sector view's
 * AreaAssistance and the COMPULSORY_EDUCATION predicate to ExitAssessment (src/assistance/).
 */
import { loadEducation } from './generator';
import { EDUCATION_IMPORTS } from './imports';

export const education: DepartmentDefinition = {
  name: 'education',
  defaultPort: 4002,
  resolvers: [
    HouseholdEducationResolver,
    PersonEducationResolver,
    EducationQueryResolver,
    StudentResolver,
    StudentAidResolver,
    DropoutCaseResolver,
    HomeTeachingResolver,
    EducationMutationResolver,
    AreaAssistanceEducationResolver,
    ExitAssessmentEducationResolver,
    EducationAggregateResolver,
  ],
  entities: [Student, StudentAid, DropoutCase, DropoutFollowUp, HomeTeaching, StudentAidStandard],
  migrations: [Education1700000000001, AidStandards1700000000002, FollowUpHouseholdIndex1700000000003],
  // Issue 6: free text that names illnesses and disabilities (因病因残, 送教上门 for health reasons):
  // null for analysts, dashboards and admins, audited on every read.
  personalFields: {
    DropoutCase: { reasonDetail: PersonalKind.DIAGNOSIS },
    HomeTeaching: { endReason: PersonalKind.DIAGNOSIS },
  },
  // Issue 6: small-cell suppression of the aid totals by distinct students (null, suppressed: true, for analysts and dashboards).
  aggregateCells: {
    StudentAidTotals: { counts: ['students'], hide: ['count', 'amount'] },
    StudentAidItemTotal: { counts: ['students'], hide: ['count', 'amount'] },
  },
  referenceResolvers: {
    Student: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(studentById).load(String(ref.id)) },
    StudentAid: { __resolveReference: (ref, ctx: SubgraphContext) => ctx.loaders.get(aidById).load(String(ref.id)) },
  },
  syntheticData: { load: (pool, options) => loadEducation(pool, options) },
  imports: EDUCATION_IMPORTS,
};

export * from './codes';
export { AID_STANDARDS, AidCondition, aidStandardFor } from './aidStandards';
export type { AidStandard } from './aidStandards';
export { assessCompulsoryEducation, isCompulsoryAge } from './students/compulsory';
export type { CompulsoryEducationOptions } from './students/compulsory';
export { ENTITLED_ITEMS, entitlementsOf } from './assistance/entitlements';
export { educationVerdict, compulsoryEducationPredicate } from './assistance/rule';
export * from './semesters';
export * from './generator';
