import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, MoneyScalar, RegionCodeScalar, ResidentIdScalar } from '@saf/kit';
import {
  EducationLevel,
  HealthStatus,
  IdentificationStandard,
  LabourCapacity,
  MemberStatus,
  PovertyCause,
  PovertyStatus,
  Relation,
  SchoolingStatus,
  UnitLevel,
  WelfareCategory,
  ProcedureKind,
  ProcedureStepCode,
} from './codes';
import { Household, HouseholdVisit, Person, ProcedureStep } from './entities';
import { ProcedureStepCodes } from './entities';

@InputType({ description: 'A household member. Sex and birth date are read from the resident ID number.' })
export class MemberInput {
  @Field(() => ResidentIdScalar)
  residentId: string;

  @Field(() => String)
  name: string;

  @Field(() => Relation)
  relation: Relation;

  @Field(() => String, { nullable: true, defaultValue: 'HAN' })
  ethnicity: string;

  @Field(() => EducationLevel, { nullable: true })
  education?: EducationLevel;

  @Field(() => SchoolingStatus, { nullable: true })
  schoolingStatus?: SchoolingStatus;

  @Field(() => HealthStatus)
  healthStatus: HealthStatus;

  @Field(() => LabourCapacity)
  labourCapacity: LabourCapacity;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  migrantWorkMonths: number;
}

@InputType()
export class RegisterHouseholdInput {
  @Field(() => RegionCodeScalar, { description: 'The village (a 12-digit village-level code known to the register).' })
  villageCode: string;

  @Field(() => LocalDateScalar, { description: 'Date the household was identified (file created); starts its NOT_EXITED status.' })
  identifiedOn: string;

  @Field(() => IdentificationStandard, { nullable: true, defaultValue: IdentificationStandard.NATIONAL })
  identificationStandard: IdentificationStandard;

  @Field(() => WelfareCategory)
  welfareCategory: WelfareCategory;

  @Field(() => PovertyCause)
  mainCause: PovertyCause;

  @Field(() => [PovertyCause], { nullable: true, defaultValue: [] })
  otherCauses: PovertyCause[];

  @Field(() => String, { nullable: true })
  address?: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true })
  bankName?: string;

  @Field(() => String, { nullable: true })
  bankAccount?: string;

  @Field(() => [MemberInput], { description: 'All members; exactly one with relation HEAD.' })
  members: MemberInput[];
}

@InputType({ description: 'Fields to change; omitted fields stay as they are.' })
export class UpdateHouseholdInput {
  @Field(() => IdentificationStandard, { nullable: true })
  identificationStandard?: IdentificationStandard;

  @Field(() => WelfareCategory, { nullable: true })
  welfareCategory?: WelfareCategory;

  @Field(() => PovertyCause, { nullable: true })
  mainCause?: PovertyCause;

  @Field(() => [PovertyCause], { nullable: true })
  otherCauses?: PovertyCause[];

  @Field(() => String, { nullable: true })
  address?: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true })
  bankName?: string;

  @Field(() => String, { nullable: true })
  bankAccount?: string;
}

@InputType()
export class ChangeStatusInput {
  @Field(() => PovertyStatus)
  status: PovertyStatus;

  @Field(() => LocalDateScalar, { description: 'The day the new status takes effect; the current period ends the day before.' })
  effectiveFrom: string;

  @Field(() => String)
  reason: string;
}

@InputType({ description: 'Fields to change on a member; omitted fields stay as they are.' })
export class UpdateMemberInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => Relation, { nullable: true })
  relation?: Relation;

  @Field(() => EducationLevel, { nullable: true })
  education?: EducationLevel;

  @Field(() => SchoolingStatus, { nullable: true })
  schoolingStatus?: SchoolingStatus;

  @Field(() => HealthStatus, { nullable: true })
  healthStatus?: HealthStatus;

  @Field(() => LabourCapacity, { nullable: true })
  labourCapacity?: LabourCapacity;

  @Field(() => Int, { nullable: true })
  migrantWorkMonths?: number;

  @Field(() => MemberStatus, { nullable: true, description: 'LEFT or DECEASED removes the person from the current members.' })
  memberStatus?: MemberStatus;
}

@InputType()
export class IncomeInput {
  @Field(() => Int)
  year: number;

  @Field(() => MoneyScalar, { description: 'Net income per person for the year, yuan.' })
  netIncomePerCapita: number;
}

@InputType()
export class VisitInput {
  @Field(() => LocalDateScalar)
  visitDate: string;

  @Field(() => String)
  visitor: string;

  @Field(() => Boolean)
  foodSecure: boolean;

  @Field(() => Boolean)
  clothingSecure: boolean;

  @Field(() => Boolean)
  drinkingWaterSafe: boolean;

  @Field(() => String, { nullable: true })
  notes?: string;
}

@InputType()
export class ProcedureStepInput {
  @Field(() => ProcedureKind)
  procedure: ProcedureKind;

  @Field(() => ProcedureStepCodes)
  step: ProcedureStepCode;

  @Field(() => String)
  actor: string;

  @Field(() => UnitLevel)
  actorLevel: UnitLevel;

  @Field(() => LocalDateScalar)
  stepDate: string;

  @Field(() => String, { description: 'What proves the step: minutes, sign-off sheet, posting photo…' })
  evidence: string;

  @Field(() => LocalDateScalar, { nullable: true })
  postingStart?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  postingEnd?: string;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  objectionCount: number;
}

@ObjectType()
export class HouseholdPayload {
  @Field(() => Household)
  household: Household;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType()
export class PersonPayload {
  @Field(() => Person)
  person: Person;

  @Field(() => Boolean)
  replayed: boolean;
}

@ObjectType()
export class VisitPayload {
  @Field(() => HouseholdVisit)
  visit: HouseholdVisit;

  @Field(() => Boolean)
  replayed: boolean;
}

@ObjectType()
export class ProcedureStepPayload {
  @Field(() => ProcedureStep)
  step: ProcedureStep;

  @Field(() => Boolean)
  replayed: boolean;
}
