import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import {
  CivilAffairsEndReason,
  DestituteSupportMode,
  DibaoCategory,
  DibaoClassification,
  DibaoRecheckResult,
  DisabilityAllowanceType,
  MedicalAssistanceType,
  SelfCareAbility,
  TemporaryAssistanceCause,
  TemporaryAssistanceProcedure,
  TemporaryAssistanceReason,
} from '../codes';
import { DestituteSupport, DibaoEnrolment, DisabilityAllowance, MedicalAssistanceGrant, TemporaryAssistanceEvent } from './entities';

@InputType({ description: 'A new dibao enrolment (低保审批): the household, who it covers and the approved top-up.' })
export class CreateDibaoEnrolmentInput {
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Field(() => DibaoCategory, { nullable: true, defaultValue: DibaoCategory.RURAL, description: '城市/农村: urban or rural dibao.' })
  category: DibaoCategory;

  @Field(() => DibaoClassification, { description: '分类施保' })
  classification: DibaoClassification;

  @Field(() => String, { description: '低保证号: 6 to 40 digits, capital letters or dashes; unique.' })
  certificateNo: string;

  @Field(() => [PersonIdScalar], { description: 'The persons covered (保障人员): members of the household in the register.' })
  personIds: string[];

  @Field(() => MoneyScalar, { description: '家庭月人均收入 assessed, yuan per person per month; must be below the line.' })
  assessedIncomeMonthly: number;

  @Field(() => MoneyScalar, { description: '保障标准 applied, yuan per person per month (50 to 3000).' })
  dibaoLineMonthly: number;

  @Field(() => MoneyScalar, { description: '月保障金: the monthly top-up for all covered persons; at most the line times the persons covered.' })
  monthlyAmount: number;

  @Field(() => Int, { nullable: true, description: 'Months between re-checks: 3, 6 or 12 (default 6 for class C, else 12).' })
  recheckIntervalMonths?: number;

  @Field(() => LocalDateScalar, { description: '申请日期' })
  applicationDate: string;

  @Field(() => LocalDateScalar, { description: '批准日期' })
  approvalDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day covered (default: the approval date).' })
  startDate?: string;
}

@InputType({ description: 'A periodic re-check (复核) of a dibao enrolment.' })
export class DibaoRecheckInput {
  @Field(() => LocalDateScalar, { description: 'After the start and after the previous re-check.' })
  recheckDate: string;

  @Field(() => DibaoRecheckResult, { description: 'Outcome of the re-check.' })
  result: DibaoRecheckResult;

  @Field(() => MoneyScalar, { description: 'Re-assessed income, yuan per person per month.' })
  assessedIncomeMonthly: number;

  @Field(() => MoneyScalar, { description: 'The line applied at the re-check.' })
  dibaoLineMonthly: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'ADJUST: the new monthly amount (required). CONTINUE: omit or repeat the current amount. STOP: omit.' })
  newMonthlyAmount?: number;

  @Field(() => [PersonIdScalar], { nullable: true, defaultValue: [], description: 'ADJUST only: persons who join (e.g. a newborn).' })
  addPersonIds: string[];

  @Field(() => [PersonIdScalar], { nullable: true, defaultValue: [], description: 'ADJUST only: persons who leave the coverage.' })
  removePersonIds: string[];

  @Field(() => CivilAffairsEndReason, { nullable: true, description: 'STOP only: why (default INCOME_ABOVE_LINE when the income reaches the line, else RECHECK_STOPPED).' })
  stopReason?: CivilAffairsEndReason;

  @Field(() => String, { nullable: true, description: 'Free-text remarks.' })
  notes?: string;
}

@InputType({ description: 'Ends a record: the last day covered and why.' })
export class EndCivilAffairsRecordInput {
  @Field(() => LocalDateScalar, { description: 'Last day covered (inclusive); not before the start, not in the future.' })
  endDate: string;

  @Field(() => CivilAffairsEndReason, { description: 'What the assistance responded to.' })
  reason: CivilAffairsEndReason;
}

@InputType({ description: 'A new destitute support (特困人员认定).' })
export class CreateDestituteSupportInput {
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'A member of the household in the register.' })
  personId: string;

  @Field(() => DestituteSupportMode, { description: '供养方式' })
  mode: DestituteSupportMode;

  @Field(() => SelfCareAbility, { description: '生活自理能力' })
  selfCareAbility: SelfCareAbility;

  @Field(() => MoneyScalar, { description: '基本生活标准, yuan per month (more than 0, at most 5000).' })
  basicLivingMonthly: number;

  @Field(() => MoneyScalar, { description: '照料护理标准, yuan per month (0 to 3000).' })
  careMonthly: number;

  @Field(() => String, { nullable: true, description: 'Required for INSTITUTIONAL, absent for AT_HOME.' })
  institutionName?: string;

  @Field(() => String, { description: '特困人员救助供养证号; unique.' })
  certificateNo: string;

  @Field(() => LocalDateScalar, { description: '申请日期' })
  applicationDate: string;

  @Field(() => LocalDateScalar, { description: '批准日期' })
  approvalDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: the approval date.' })
  startDate?: string;
}

@InputType({ description: 'Changes to a destitute support in force; omitted fields stay as they are.' })
export class ChangeDestituteSupportInput {
  @Field(() => DestituteSupportMode, { nullable: true, description: '供养方式' })
  mode?: DestituteSupportMode;

  @Field(() => SelfCareAbility, { nullable: true, description: '生活自理能力' })
  selfCareAbility?: SelfCareAbility;

  @Field(() => MoneyScalar, { nullable: true, description: '基本生活标准, yuan per month.' })
  basicLivingMonthly?: number;

  @Field(() => MoneyScalar, { nullable: true, description: '照料护理标准, yuan per month.' })
  careMonthly?: number;

  @Field(() => String, { nullable: true, description: 'Required when the mode becomes INSTITUTIONAL; cleared for AT_HOME.' })
  institutionName?: string;
}

@InputType({ description: 'A temporary-assistance grant (临时救助).' })
export class GrantTemporaryAssistanceInput {
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Field(() => PersonIdScalar, { nullable: true, description: 'The member concerned, if one.' })
  personId?: string;

  @Field(() => TemporaryAssistanceCause, { description: '急难型 or 支出型.' })
  cause: TemporaryAssistanceCause;

  @Field(() => TemporaryAssistanceReason, { description: 'What the assistance responded to.' })
  reason: TemporaryAssistanceReason;

  @Field(() => TemporaryAssistanceProcedure, { description: 'EMERGENCY only for EMERGENCY causes.' })
  procedure: TemporaryAssistanceProcedure;

  @Field(() => MoneyScalar, { nullable: true, description: 'Cash, 0 to 50000 yuan (default 0).' })
  cashAmount?: number;

  @Field(() => String, { nullable: true, description: 'Goods given (实物), with their value.' })
  inKindDescription?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value of the goods, 0 to 20000 yuan; required with a description.' })
  inKindValue?: number;

  @Field(() => LocalDateScalar, { description: 'When the hardship occurred (or the application, for expenses).' })
  eventDate: string;

  @Field(() => LocalDateScalar, { description: '批准日期' })
  approvalDate: string;
}

@InputType({ description: 'A disability allowance (残疾人两项补贴) from a start date.' })
export class GrantDisabilityAllowanceInput {
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'The person (register person ID).' })
  personId: string;

  @Field(() => DisabilityAllowanceType, { description: 'LIVING_ALLOWANCE needs the person covered by dibao on the start date; NURSING_SUBSIDY needs grade 1 or 2.' })
  type: DisabilityAllowanceType;

  @Field(() => Int, { description: '残疾等级 1 to 4.' })
  disabilityGrade: number;

  @Field(() => MoneyScalar, { description: 'Yuan per month, more than 0, at most 1000.' })
  monthlyAmount: number;

  @Field(() => LocalDateScalar, { description: 'From 2016-01-01 (the allowances began in 2016).' })
  startDate: string;
}

@InputType({ description: 'A medical-assistance grant (医疗救助).' })
export class GrantMedicalAssistanceInput {
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'The person (register person ID).' })
  personId: string;

  @Field(() => MedicalAssistanceType, { description: 'At most one PREMIUM_SUBSIDY per person and insurance year.' })
  type: MedicalAssistanceType;

  @Field(() => LocalDateScalar, { description: 'Date of the grant.' })
  grantDate: string;

  @Field(() => MoneyScalar, { description: 'More than 0; premium subsidies at most 1000 yuan, treatment grants at most 300000.' })
  amount: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'TREATMENT only: the cost left after insurance; the grant cannot exceed it.' })
  selfPaidCost?: number;

  @Field(() => String, { nullable: true, description: 'TREATMENT only: the health department\'s hospital settlement number.' })
  settlementNumber?: string;

  @Field(() => Int, { nullable: true, description: 'PREMIUM_SUBSIDY only: the insurance year, the grant\'s year or the next (collection period); default the grant\'s year.' })
  insuranceYear?: number;

  @Field(() => String, { nullable: true, description: 'PREMIUM_SUBSIDY only: the health department\'s insurance enrolment ID (<person>:<year>:<scheme>).' })
  insuranceEnrolmentId?: string;
}

const REPLAYED = 'True when the idempotency key was seen before and nothing was written again.';

@ObjectType({ description: 'The result of a dibao mutation.' })
export class DibaoEnrolmentPayload {
  @Field(() => DibaoEnrolment, { description: 'The enrolment as it is after the mutation.' })
  dibaoEnrolment: DibaoEnrolment;

  @Field(() => Boolean, { description: REPLAYED })
  replayed: boolean;
}

@ObjectType({ description: 'The result of a destitute-support mutation.' })
export class DestituteSupportPayload {
  @Field(() => DestituteSupport, { description: 'The support as it is after the mutation.' })
  destituteSupport: DestituteSupport;

  @Field(() => Boolean, { description: REPLAYED })
  replayed: boolean;
}

@ObjectType({ description: 'The result of a temporary-assistance mutation.' })
export class TemporaryAssistancePayload {
  @Field(() => TemporaryAssistanceEvent, { description: 'The event as recorded.' })
  temporaryAssistanceEvent: TemporaryAssistanceEvent;

  @Field(() => Boolean, { description: REPLAYED })
  replayed: boolean;
}

@ObjectType({ description: 'The result of a disability-allowance mutation.' })
export class DisabilityAllowancePayload {
  @Field(() => DisabilityAllowance, { description: 'The allowance as it is after the mutation.' })
  disabilityAllowance: DisabilityAllowance;

  @Field(() => Boolean, { description: REPLAYED })
  replayed: boolean;
}

@ObjectType({ description: 'The result of a medical-assistance mutation.' })
export class MedicalAssistancePayload {
  @Field(() => MedicalAssistanceGrant, { description: 'The grant as recorded.' })
  medicalAssistanceGrant: MedicalAssistanceGrant;

  @Field(() => Boolean, { description: REPLAYED })
  replayed: boolean;
}
