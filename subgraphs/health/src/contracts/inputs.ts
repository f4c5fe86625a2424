import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, PersonIdScalar } from '@saf/kit';
import { ChronicDisease, PrimaryCareFacilityLevel } from '../codes';
import { FamilyDoctorContract } from './entities';

@InputType('SignFamilyDoctorContractInput', { description: 'A family-doctor contract (家庭医生签约) for one person.' })
export class SignContractInput {
  @Field(() => HouseholdIdScalar, { description: 'The person\'s household in the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'Must be a member of the household in the register.' })
  personId: string;

  @Field(() => String, { description: 'The contracted family doctor.' })
  doctorName: string;

  @Field(() => String, { description: 'The village clinic or township health centre.' })
  facilityName: string;

  @Field(() => PrimaryCareFacilityLevel, { description: 'Village clinic or township health centre.' })
  facilityLevel: PrimaryCareFacilityLevel;

  @Field(() => ChronicDisease, { nullable: true, description: 'The chronic disease managed; omit for a basic contract.' })
  disease?: ChronicDisease | null;

  @Field(() => LocalDateScalar, { description: 'Not in the future; the person may have no other contract running in the period.' })
  startDate: string;

  @Field(() => LocalDateScalar, { description: 'Last day (inclusive), at most three years after the start.' })
  endDate: string;

  @Field(() => Int, { nullable: true, description: 'Follow-ups the period requires; default by disease (4 a year for hypertension, diabetes…).' })
  followUpsRequired?: number | null;
}

@InputType('FamilyDoctorFollowUpInput', { description: 'A follow-up (随访) under a contract.' })
export class FollowUpInput {
  @Field(() => LocalDateScalar, { description: 'Within the contract, not before the last follow-up, not in the future.' })
  followedUpOn: string;
}

@InputType('EndFamilyDoctorContractInput', { description: 'Ends a contract before its planned end (解约).' })
export class EndContractInput {
  @Field(() => LocalDateScalar, { description: 'The last day of the contract: within it, not before the last follow-up, not in the future.' })
  endedOn: string;

  @Field(() => String, { description: 'Why the contract ends early (解约): moved away, changed doctor, died…' })
  reason: string;
}

@ObjectType('FamilyDoctorContractPayload', { description: 'The contract as it is after the write.' })
export class ContractPayload {
  @Field(() => FamilyDoctorContract, { description: 'The contract.' })
  contract: FamilyDoctorContract;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@InputType('FamilyDoctorContractFilter', { description: 'Filters on family-doctor contracts; all given conditions must hold.' })
export class ContractFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6, 9 or 12 digits.' })
  regionPrefix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Contracts running on some day of this year.' })
  year?: number | null;

  @Field(() => ChronicDisease, { nullable: true, description: 'Only contracts for this disease. Caseworkers and officers only (FORBIDDEN for roles that see diagnoses masked).' })
  disease?: ChronicDisease | null;

  @Field(() => Boolean, { nullable: true, description: 'true: chronic-disease contracts only; false: basic contracts only.' })
  chronicDisease?: boolean | null;

  @Field(() => PrimaryCareFacilityLevel, { nullable: true, description: 'Only contracts with doctors of this facility level.' })
  facilityLevel?: PrimaryCareFacilityLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'true: contracts with fewer follow-ups done than required.' })
  followUpsBehind?: boolean | null;
}
