import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar, RegionCodeScalar } from '@saf/kit';
import { AcceptanceResult, AppraisalMethod, DwellingRating, DwellingStructure, RenovationType, ResettlementMode } from '../codes';
import { DwellingAppraisal, RelocationHousing, RenovationProject } from './entities';

@InputType({ description: 'A dwelling safety appraisal (农村危房鉴定) to record.' })
export class RecordDwellingAppraisalInput {
  @Field(() => HouseholdIdScalar, { description: 'A household of the register.' })
  householdId: string;

  @Field(() => DwellingRating)
  rating: DwellingRating;

  @Field(() => LocalDateScalar, { description: 'Not in the future.' })
  appraisalDate: string;

  @Field(() => String, { description: 'The appraiser or appraising agency, 1–60 characters.' })
  appraiser: string;

  @Field(() => AppraisalMethod)
  method: AppraisalMethod;

  @Field(() => DwellingStructure)
  structure: DwellingStructure;

  @Field(() => Float, { description: 'Floor area, 5–1000 square metres.' })
  floorArea: number;

  @Field(() => Int, { nullable: true, description: 'Year built, 1900 to the appraisal year.' })
  yearBuilt?: number;

  @Field(() => String, { nullable: true, description: 'Danger points found, at most 500 characters.' })
  dangerPoints?: string;
}

@InputType({ description: 'Puts a C/D dwelling into the renovation plan (危房改造立项).' })
export class ApproveRenovationInput {
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Field(() => ID, { description: 'The household\'s latest appraisal, rated C or D.' })
  appraisalId: string;

  @Field(() => RenovationType)
  type: RenovationType;

  @Field(() => LocalDateScalar, { description: 'On or after the appraisal date, not in the future.' })
  approvalDate: string;

  @Field(() => MoneyScalar, { description: 'Government subsidy, 0 to 100,000 yuan.' })
  subsidy: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Self-raised funds, 0 to 500,000 yuan (default 0).' })
  selfRaisedFunds?: number;

  @Field(() => Float, { nullable: true, description: 'Planned floor area, 5–1000 square metres.' })
  floorArea?: number;
}

@InputType()
export class StartRenovationInput {
  @Field(() => LocalDateScalar, { description: '开工日期: on or after the approval date.' })
  startDate: string;
}

@InputType()
export class CompleteRenovationInput {
  @Field(() => LocalDateScalar, { description: '竣工日期: on or after the start date.' })
  completionDate: string;

  @Field(() => Float, { nullable: true, description: 'Floor area as built, 5–1000 square metres.' })
  floorArea?: number;
}

@InputType()
export class AcceptRenovationInput {
  @Field(() => LocalDateScalar, { description: '验收日期: on or after completion (and after a failed inspection, later than it).' })
  acceptanceDate: string;

  @Field(() => AcceptanceResult)
  result: AcceptanceResult;

  @Field(() => String, { nullable: true, description: 'Inspector\'s note; required when the result is FAILED (what to rectify).' })
  note?: string;
}

@InputType()
export class RenovationMoveInInput {
  @Field(() => LocalDateScalar, { description: '入住日期: on or after the (passed) acceptance.' })
  moveInDate: string;
}

@InputType({ description: 'Allocates resettlement housing to a relocated household (易地扶贫搬迁).' })
export class AllocateRelocationHousingInput {
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Field(() => Int, { description: 'Relocation plan year.' })
  planYear: number;

  @Field(() => String, { description: 'Resettlement site or placement, 1–60 characters.' })
  siteName: string;

  @Field(() => RegionCodeScalar, { nullable: true })
  siteRegionCode?: string;

  @Field(() => ResettlementMode)
  mode: ResettlementMode;

  @Field(() => Float, { description: 'Unit area, square metres: at most 25 per relocated person.' })
  unitArea: number;

  @Field(() => [PersonIdScalar], { description: 'The persons relocated, all members of the household.' })
  personIds: string[];

  @Field(() => LocalDateScalar, { description: 'Not in the future.' })
  allocationDate: string;

  @Field(() => MoneyScalar, { description: 'Housing subsidy, 0 to 500,000 yuan.' })
  subsidy: number;
}

@InputType()
export class RelocationHandoverInput {
  @Field(() => LocalDateScalar, { description: '交房日期: on or after allocation.' })
  handoverDate: string;
}

@InputType()
export class RelocationMoveInInput {
  @Field(() => LocalDateScalar, { description: '入住日期: on or after the handover.' })
  moveInDate: string;
}

@InputType()
export class OldHouseDemolitionInput {
  @Field(() => LocalDateScalar, { description: '旧房拆除日期: on or after moving in.' })
  demolitionDate: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '宅基地复垦: the homestead was returned to farmland.' })
  landReclaimed: boolean;
}

@ObjectType()
export class DwellingAppraisalPayload {
  @Field(() => DwellingAppraisal)
  appraisal: DwellingAppraisal;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType()
export class RenovationProjectPayload {
  @Field(() => RenovationProject)
  renovation: RenovationProject;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType()
export class RelocationHousingPayload {
  @Field(() => RelocationHousing)
  relocation: RelocationHousing;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}
