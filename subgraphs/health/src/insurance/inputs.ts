import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import { InsuranceScheme, PremiumSubsidyStatus, SubsidisingDepartment } from '../codes';
import { InsuranceEnrolment } from './entities';

@InputType('RecordHealthInsuranceEnrolmentInput', { description: 'One person\'s enrolment in one scheme for one year.' })
export class RecordEnrolmentInput {
  @Field(() => HouseholdIdScalar, { description: 'The person\'s household in the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'Must be a member of the household in the register.' })
  personId: string;

  @Field(() => Int, { description: 'The insurance year.' })
  year: number;

  @Field(() => InsuranceScheme, { description: 'CRITICAL_ILLNESS needs an active BASIC enrolment of the same year.' })
  scheme: InsuranceScheme;

  @Field(() => MoneyScalar, { description: 'Premium due for the person (see HealthInsuranceEnrolment.premium).' })
  premium: number;

  @Field(() => MoneyScalar, { description: 'What the person paid. For BASIC and COMMERCIAL_TOP_UP, individualContribution + subsidy = premium.' })
  individualContribution: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Premium subsidy (资助参保); default none.' })
  subsidy?: number | null;

  @Field(() => SubsidisingDepartment, { nullable: true, description: 'Required with a subsidy, and only then.' })
  subsidisingDepartment?: SubsidisingDepartment | null;

  @Field(() => LocalDateScalar, { description: 'Between 1 July of the previous year and the end of the insurance year, not in the future.' })
  enrolledOn: string;
}

@InputType('CancelHealthInsuranceEnrolmentInput', { description: 'Ends an enrolment (终止参保).' })
export class CancelEnrolmentInput {
  @Field(() => LocalDateScalar, { description: 'Not before the enrolment, not in the future.' })
  cancelledOn: string;

  @Field(() => String, { description: 'Why (death, moved away, enrolled elsewhere, duplicate…).' })
  reason: string;
}

@ObjectType('HealthInsuranceEnrolmentPayload', { description: 'The enrolment as it is after the write.' })
export class EnrolmentPayload {
  @Field(() => InsuranceEnrolment, { description: 'The enrolment.' })
  enrolment: InsuranceEnrolment;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@InputType('HealthInsuranceEnrolmentFilter', { description: 'Filters on enrolments; all given conditions must hold.' })
export class EnrolmentFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6, 9 or 12 digits.' })
  regionPrefix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only this insurance year.' })
  year?: number | null;

  @Field(() => InsuranceScheme, { nullable: true, description: 'Only this scheme.' })
  scheme?: InsuranceScheme | null;

  @Field(() => PremiumSubsidyStatus, { nullable: true, description: 'Only this subsidy status.' })
  subsidyStatus?: PremiumSubsidyStatus | null;

  @Field(() => SubsidisingDepartment, { nullable: true, description: 'Only subsidies paid by this department.' })
  subsidisingDepartment?: SubsidisingDepartment | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only active enrolments; false: only cancelled ones.' })
  active?: boolean | null;
}

@InputType('HealthInsuranceCoverageFilter', { description: 'Filters on the coverage counts; all given conditions must hold.' })
export class CoverageFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6, 9 or 12 digits.' })
  regionPrefix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only this insurance year.' })
  year?: number | null;

  @Field(() => InsuranceScheme, { nullable: true, description: 'Only this scheme.' })
  scheme?: InsuranceScheme | null;
}

@ObjectType('HealthPremiumSubsidyTotal', { description: 'Premium subsidies paid by one department.' })
export class SubsidyTotal {
  @Field(() => SubsidisingDepartment, { description: 'The paying department (duty-matrix code).' })
  department: SubsidisingDepartment;

  @Field(() => Int, { nullable: true, description: 'Subsidised active enrolments (one per person; null when suppressed).' })
  enrolments: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of its subsidies (null when suppressed).' })
  amount: number | string | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (null) because the cell has 1 to 4 households (analyst and dashboard roles).' })
  suppressed: boolean = false;
}

@ObjectType('HealthInsuranceCoverage', {
  description: 'Enrolment counts for one year and scheme. The register\'s member count (the denominator of a coverage rate) is the poverty office\'s: join at the gateway.',
})
export class Coverage {
  @Field(() => Int, { description: 'The insurance year.' })
  year: number;

  @Field(() => InsuranceScheme, { description: 'The insurance scheme.' })
  scheme: InsuranceScheme;

  @Field(() => Int, { nullable: true, description: 'Persons with an active enrolment (null when suppressed).' })
  enrolledPersons: number | null;

  @Field(() => Int, { nullable: true, description: 'Households with at least one active enrolment (null when suppressed).' })
  enrolledHouseholds: number | null;

  @Field(() => Int, { nullable: true, description: 'Cancelled enrolments (one per person; null when suppressed).' })
  cancelledEnrolments: number | null;

  @Field(() => Int, { nullable: true, description: 'Active enrolments with a full premium subsidy (one per person; null when suppressed).' })
  fullySubsidised: number | null;

  @Field(() => Int, { nullable: true, description: 'Active enrolments with a partial premium subsidy (one per person; null when suppressed).' })
  partiallySubsidised: number | null;

  @Field(() => Int, { nullable: true, description: 'Active enrolments without subsidy (one per person; null when suppressed).' })
  unsubsidised: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the premiums of active enrolments (null when suppressed).' })
  premiumTotal: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of what the persons paid (null when suppressed).' })
  individualContributionTotal: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the premium subsidies (null when suppressed).' })
  subsidyTotal: number | string | null;

  @Field(() => [SubsidyTotal], { nullable: true, description: 'Subsidies by paying department, largest first (null when suppressed).' })
  subsidiesByDepartment: SubsidyTotal[] | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (null) because the cell has 1 to 4 households (analyst and dashboard roles).' })
  suppressed: boolean = false;
}
