import { Field, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, PersonIdScalar } from '@saf/kit';
import { PersonKey } from '../registerKeys';
import { HEALTH_DEPARTMENT } from '../codes';
import { InsuranceEnrolment } from '../insurance/entities';

@ObjectType('HealthInsuranceYear', { description: 'A person\'s medical insurance for one year: which schemes they are actively enrolled in.' })
export class InsuranceYear {
  @Field(() => PersonIdScalar, { description: 'The person.' })
  personId: string;

  @Field(() => Int, { description: 'The insurance year.' })
  year: number;

  @Field(() => Boolean, { description: 'Actively enrolled in basic medical insurance (基本医保).' })
  basicEnrolled: boolean;

  @Field(() => Boolean, { description: 'Actively enrolled in critical-illness insurance (大病保险).' })
  criticalIllnessEnrolled: boolean;

  @Field(() => Boolean, { description: 'Actively enrolled in a commercial top-up insurance.' })
  commercialTopUpEnrolled: boolean;

  @Field(() => Boolean, { description: 'basicEnrolled and criticalIllnessEnrolled: the person-level part of 基本医疗有保障.' })
  covered: boolean;

  @Field(() => [InsuranceEnrolment], { description: 'The year\'s enrolment records, cancelled ones included.' })
  enrolments: InsuranceEnrolment[];
}

@ObjectType('MemberBasicMedicalCover', { description: 'One person known to health and whether they were insured (basic and critical illness) in the year.' })
export class MemberCover {
  @Field(() => PersonIdScalar, { description: 'The person.' })
  personId: string;

  @Field(() => PersonKey, { description: 'The person in the register.' })
  person: PersonKey;

  @Field(() => Boolean, { description: 'Actively enrolled in BASIC in the year.' })
  basicEnrolled: boolean;

  @Field(() => Boolean, { description: 'Actively enrolled in CRITICAL_ILLNESS in the year.' })
  criticalIllnessEnrolled: boolean;

  @Field(() => Boolean, { description: 'Enrolled in both.' })
  covered: boolean;

  @Field(() => InsuranceEnrolment, { nullable: true, description: 'Evidence: the active BASIC enrolment of the year.' })
  basicEnrolment: InsuranceEnrolment | null;

  @Field(() => InsuranceEnrolment, { nullable: true, description: 'Evidence: the active CRITICAL_ILLNESS enrolment of the year.' })
  criticalIllnessEnrolment: InsuranceEnrolment | null;
}

@ObjectType('HouseholdBasicMedicalCover', {
  description:
    '基本医疗有保障 (exit rule, predicate 5), insurance part, as far as health knows: every person health holds any record for in the household, and whether each was enrolled in BASIC and CRITICAL_ILLNESS in the year. Health does not hold the member list: that is the register\'s (poverty office). A member health has no record of at all is missing here although not insured; the full predicate, over the register\'s members, is ExitAssessment.basicMedicalCare.',
})
export class HouseholdCover {
  @Field(() => HouseholdIdScalar, { description: 'The household.' })
  householdId: string;

  @Field(() => Int, { description: 'The year checked.' })
  year: number;

  @Field(() => [MemberCover], { description: 'Persons known to health, in person ID order.' })
  members: MemberCover[];

  @Field(() => Int, { description: 'Persons of the household health holds records for.' })
  knownMemberCount: number;

  @Field(() => Int, { description: 'Known persons not enrolled in both schemes.' })
  uncoveredMemberCount: number;

  @Field(() => Boolean, { description: 'True when health knows at least one person of the household and every known person is covered.' })
  allKnownMembersCovered: boolean;

  @Field(() => String, { description: 'The department that owns this predicate (duty-matrix code): HEALTH.' })
  department: string = HEALTH_DEPARTMENT;
}
