import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SUPPRESSED_NOTE } from '../security/suppression';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '../scalars';
import { ContributionRole, DutyAreaCode, PredicateStatus } from './codes';

/*
 * The value types of the sector assistance view and the exit assessment. Every department
 * declares the same types (hence @shareable), so that the platform's sector view can read any
 * department's contribution or predicate without knowing the department.
 */

@ObjectType({ description: 'A record that shows a verdict: which department holds it, its type, ID and date.' })
@Directive('@shareable')
export class Evidence {
  @Field(() => String, { description: 'The department holding the record (duty-matrix code).' })
  department: string;

  @Field(() => String, { description: 'The record type, e.g. Student, InsuranceEnrolment, DwellingAppraisal.' })
  recordType: string;

  @Field(() => ID)
  recordId: string;

  @Field(() => LocalDateScalar, { nullable: true })
  date: string | null;

  @Field(() => String, { nullable: true, description: 'What the record shows, in a few words.' })
  note: string | null;
}

@ObjectType({ description: "One of a department's own measure records for a household, as it counts in a duty area." })
@Directive('@shareable')
export class Measure {
  @Field(() => String, { description: 'The department that gave the measure (duty-matrix code).' })
  department: string;

  @Field(() => ContributionRole, { description: "The department's role in the area." })
  role: ContributionRole;

  @Field(() => String, { description: 'The record type, e.g. StudentAid, DibaoEnrolment, Disbursement.' })
  recordType: string;

  @Field(() => ID)
  recordId: string;

  @Field(() => String, { description: 'The programme or measure kind, in the department\'s own code list.' })
  programme: string;

  @Field(() => Int, { nullable: true, description: 'The year the measure belongs to.' })
  year: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The date of the measure (start, payment, enrolment…).' })
  date: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The amount in yuan, where the measure has one.' })
  amount: number | null;

  @Field(() => PersonIdScalar, { nullable: true, description: 'The person, for person-level measures.' })
  personId: string | null;

  @Field(() => String, { nullable: true, description: 'For a payment: the department whose measure it pays for.' })
  onBehalfOf: string | null;

  @Field(() => ID, { nullable: true, description: "For a payment: the other department's record it pays for (e.g. a renovation project)." })
  sourceRecordId: string | null;
}

@ObjectType({ description: "A supporting department's part that the lead's rule expects, e.g. finance paying the subsidy of an accepted renovation." })
@Directive('@shareable')
export class ExpectedSupport {
  @Field(() => String, { description: 'The supporting department expected to act (duty-matrix code).' })
  department: string;

  @Field(() => ID, { description: "The lead's record the supporting measure must refer to (its sourceRecordId)." })
  sourceRecordId: string;

  @Field(() => String, { description: 'What is expected, in a few words.' })
  description: string;
}

@ObjectType({ description: "The lead's judgement of one household's need in its area, and whether its own measures meet it." })
@Directive('@shareable')
export class AreaVerdict {
  @Field(() => Boolean, { description: 'Whether the household has a need in this area (a student, a C/D dwelling, a dibao case…).' })
  needed: boolean;

  @Field(() => Boolean, { description: "Whether the lead's measures meet the need (false when not needed)." })
  met: boolean;

  @Field(() => String, { description: 'The rule applied and its outcome, in plain words.' })
  reason: string;

  @Field(() => [Evidence])
  evidence: Evidence[];

  @Field(() => [ExpectedSupport], { description: "Supporting departments' parts the rule expects before the need counts as covered." })
  expects: ExpectedSupport[];
}

@ObjectType({ description: "One department's contribution to one duty area of one household: its measures, and its verdict where it leads." })
@Directive('@shareable')
export class DepartmentContribution {
  @Field(() => String, { description: 'The department (duty-matrix code).' })
  department: string;

  @Field(() => ContributionRole)
  role: ContributionRole;

  @Field(() => [Measure])
  measures: Measure[];

  @Field(() => AreaVerdict, { nullable: true, description: 'Set by a LEAD or JOINT department: need and whether it is met.' })
  verdict: AreaVerdict | null;
}

@ObjectType({ description: 'One predicate of the exit rule (两不愁三保障) for one household and year, owned by one department.' })
@Directive('@shareable')
export class Predicate {
  @Field(() => String, { description: 'INCOME, FOOD_AND_CLOTHING, DRINKING_WATER, COMPULSORY_EDUCATION, BASIC_MEDICAL_CARE or HOUSING_SAFETY.' })
  predicate: string;

  @Field(() => String, { description: 'The department owning the predicate (duty-matrix code).' })
  department: string;

  @Field(() => PredicateStatus)
  status: PredicateStatus;

  @Field(() => String, { description: 'Why, in plain words (what blocks exit when NOT_MET).' })
  reason: string;

  @Field(() => [Evidence])
  evidence: Evidence[];
}

@ObjectType({ description: 'A member of a registered household as the register states it: what other departments need to check the exit rule.' })
@Directive('@shareable')
export class RegisterMember {
  @Field(() => PersonIdScalar)
  personId: string;

  @Field(() => LocalDateScalar)
  birthDate: string;

  @Field(() => Boolean, { description: 'Still a member (not left, not deceased).' })
  active: boolean;
}

@ObjectType({ description: "A department's measures summed per region, area and programme (dashboards)." })
@Directive('@shareable')
export class MeasureTotal {
  @Field(() => String, { description: 'The region code prefix of the grouping level.' })
  regionCode: string;

  @Field(() => String)
  department: string;

  @Field(() => ContributionRole)
  role: ContributionRole;

  @Field(() => DutyAreaCode)
  area: DutyAreaCode;

  @Field(() => String)
  programme: string;

  @Field(() => Int, { nullable: true, description: 'Measure records (null when suppressed).' })
  measures: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct households (null when suppressed).' })
  households: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the amounts, where the measures have one (null when suppressed).' })
  amount: number | null;

  @Field(() => Boolean, { description: SUPPRESSED_NOTE })
  suppressed: boolean = false;
}

@ObjectType({ description: "A lead department's coverage of its area per region: households in need, covered and in gap." })
@Directive('@shareable')
export class AreaCoverageTotal {
  @Field(() => String, { description: 'The region code prefix of the grouping level.' })
  regionCode: string;

  @Field(() => DutyAreaCode)
  area: DutyAreaCode;

  @Field(() => String, { description: 'The lead department computing it.' })
  department: string;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  inNeed: number | null;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  covered: number | null;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  gap: number | null;

  @Field(() => Boolean, { description: SUPPRESSED_NOTE })
  suppressed: boolean = false;
}

@ObjectType({ description: 'The households of a region whose exit predicate is NOT_MET in a year: one sorted list per predicate.' })
@Directive('@shareable')
export class ExitPredicateFailures {
  @Field(() => String)
  predicate: string;

  @Field(() => String)
  department: string;

  @Field(() => [HouseholdIdScalar], { description: 'Household IDs in ascending order.' })
  householdIds: string[];
}

/**
 * Never queried: it gives every subgraph one plain (non-entity) reference to the two part types.
 * Hive Gateway's query planner marks the return type of a `@requires` field as owned by that
 * subgraph unless another type of the subgraph refers to it; with several departments (and the
 * sector view) returning these types from `@requires` fields, it would refuse the supergraph
 * ("Multiple canonical definitions"). The kit adds this type to every department's schema.
 */
@ObjectType({ description: 'Internal: keeps the gateway from treating the part types as owned by one subgraph.' })
@Directive('@shareable')
@Directive('@inaccessible')
export class AssistanceParts {
  @Field(() => DepartmentContribution, { nullable: true })
  contribution: DepartmentContribution | null;

  @Field(() => Predicate, { nullable: true })
  predicate: Predicate | null;
}
