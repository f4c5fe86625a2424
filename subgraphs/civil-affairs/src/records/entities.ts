import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
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
import '../enums';

/**
 * The civil-affairs records. Each class is both the TypeORM entity and the GraphQL object type;
 * relations (household, person, covered persons, re-checks) are field resolvers batched through
 * DataLoader. Money properties hold integer fen; dates are 'YYYY-MM-DD' strings; end dates are
 * inclusive.
 */

@Entity('dibao_line')
@ObjectType({ description: '低保标准: the county dibao line for a year and category.' })
export class DibaoLine {
  @PrimaryColumn({ type: 'smallint' })
  @Field(() => Int, { description: 'The year.' })
  year: number;

  @PrimaryColumn({ type: 'text' })
  @Field(() => DibaoCategory, { description: '城市/农村: urban or rural dibao.' })
  category: DibaoCategory;

  @Column({ name: 'monthly_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Yuan per person per month.' })
  monthlyAmount: number;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Whether the value is verified against a published source.' })
  verified: boolean;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Where the value comes from.' })
  source: string;
}

@Entity('dibao_enrolment')
@ObjectType({ description: '低保: a household\'s minimum-living-guarantee enrolment (civil affairs leads SOCIAL_SAFETY_NET).' })
@Directive('@key(fields: "id")')
export class DibaoEnrolment {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'DB-<household ID>-NN.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household as civil affairs records it (it may be missing from the register: see 两线合一).' })
  householdId: string;

  @Column({ type: 'text' })
  @Field(() => DibaoCategory, { description: '城市/农村: urban or rural dibao.' })
  category: DibaoCategory;

  @Column({ type: 'text' })
  @Field(() => DibaoClassification, { description: '分类施保' })
  classification: DibaoClassification;

  @Column({ name: 'certificate_no', type: 'text' })
  @Field(() => String, { description: '低保证号' })
  certificateNo: string;

  @Column({ name: 'assessed_income_monthly_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { nullable: true, description: '家庭月人均收入 assessed at approval (家庭经济状况核对), yuan per person per month.' })
  assessedIncomeMonthly: number;

  @Column({ name: 'dibao_line_monthly_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '保障标准 applied at approval, yuan per person per month.' })
  dibaoLineMonthly: number;

  @Column({ name: 'approved_monthly_amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '月保障金 approved at the start (the 补差 top-up for all covered persons).' })
  approvedMonthlyAmount: number;

  @Column({ name: 'monthly_amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'The monthly amount now, after the latest re-check.' })
  currentMonthlyAmount: number;

  @Column({ name: 'recheck_interval_months', type: 'smallint' })
  @Field(() => Int, { description: 'Re-check every 12 months (stable income) or 6 months (able-bodied members, irregular income).' })
  recheckIntervalMonths: number;

  @Column({ name: 'application_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '申请日期' })
  applicationDate: string;

  @Column({ name: 'approval_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '批准日期' })
  approvalDate: string;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day covered.' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day covered; null while in force.' })
  endDate: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  @Field(() => CivilAffairsEndReason, { nullable: true, description: 'Why it ended; null while in force.' })
  endReason: CivilAffairsEndReason | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('dibao_covered_person')
@ObjectType({ description: '保障人员: a person covered by a dibao enrolment, and when.' })
export class DibaoCoveredPerson {
  @PrimaryColumn({ name: 'enrolment_id', type: 'text' })
  @Field(() => ID, { description: 'The dibao enrolment.' })
  enrolmentId: string;

  @PrimaryColumn({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The person as civil affairs records it (it may be missing from the register).' })
  personId: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'covered_from', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day covered.' })
  coveredFrom: string;

  @Column({ name: 'covered_to', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day covered; null while covered.' })
  coveredTo: string | null;
}

@Entity('dibao_recheck')
@ObjectType({ description: '复核: a periodic re-check of a dibao enrolment.' })
export class DibaoRecheck {
  @PrimaryColumn({ name: 'enrolment_id', type: 'text' })
  @Field(() => ID, { description: 'The dibao enrolment.' })
  enrolmentId: string;

  @PrimaryColumn({ name: 'recheck_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date of the re-check.' })
  recheckDate: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ type: 'text' })
  @Field(() => DibaoRecheckResult, { description: 'Outcome of the re-check.' })
  result: DibaoRecheckResult;

  @Column({ name: 'assessed_income_monthly_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { nullable: true, description: 'Re-assessed income, yuan per person per month.' })
  assessedIncomeMonthly: number;

  @Column({ name: 'dibao_line_monthly_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'The line applied at the re-check.' })
  dibaoLineMonthly: number;

  @Column({ name: 'persons_covered', type: 'smallint' })
  @Field(() => Int, { description: 'Persons covered after the re-check.' })
  personsCovered: number;

  @Column({ name: 'new_monthly_amount_fen', type: 'bigint', nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: 'The monthly amount from the re-check on; null when stopped.' })
  newMonthlyAmount: number | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Free-text remarks.' })
  notes: string | null;
}

@Entity('destitute_support')
@ObjectType({ description: '特困人员供养: destitute support of one person (civil affairs leads SOCIAL_SAFETY_NET).' })
@Directive('@key(fields: "id")')
export class DestituteSupport {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'TK-<household ID>-NN.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The person (register person ID).' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => DestituteSupportMode, { description: '供养方式' })
  mode: DestituteSupportMode;

  @Column({ name: 'self_care', type: 'text' })
  @Field(() => SelfCareAbility, { description: '生活自理能力' })
  selfCareAbility: SelfCareAbility;

  @Column({ name: 'basic_living_monthly_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '基本生活标准, yuan per month (at least 1.3 times the dibao line).' })
  basicLivingMonthly: number;

  @Column({ name: 'care_monthly_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '照料护理标准, yuan per month (by self-care ability).' })
  careMonthly: number;

  @Column({ name: 'institution_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '供养服务机构 (institutional support only).' })
  institutionName: string | null;

  @Column({ name: 'certificate_no', type: 'text' })
  @Field(() => String, { description: '特困人员救助供养证号' })
  certificateNo: string;

  @Column({ name: 'application_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '申请日期' })
  applicationDate: string;

  @Column({ name: 'approval_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '批准日期' })
  approvalDate: string;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day in force.' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day supported; null while in force.' })
  endDate: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  @Field(() => CivilAffairsEndReason, { nullable: true, description: 'Why it ended; null while in force.' })
  endReason: CivilAffairsEndReason | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('temporary_assistance')
@ObjectType({ description: '临时救助: one temporary-assistance event (civil affairs leads SOCIAL_SAFETY_NET).' })
@Directive('@key(fields: "id")')
export class TemporaryAssistanceEvent {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'LS-<household ID>-NNN.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text', nullable: true })
  @Field(() => PersonIdScalar, { nullable: true, description: 'The person helped, when the event concerns one person.' })
  personId: string | null;

  @Column({ type: 'text' })
  @Field(() => TemporaryAssistanceCause, { description: '急难型 or 支出型.' })
  cause: TemporaryAssistanceCause;

  @Column({ type: 'text' })
  @Field(() => TemporaryAssistanceReason, { description: 'What the assistance responded to.' })
  reason: TemporaryAssistanceReason;

  @Column({ type: 'text' })
  @Field(() => TemporaryAssistanceProcedure, { description: 'The approval procedure.' })
  procedure: TemporaryAssistanceProcedure;

  @Column({ name: 'cash_amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Cash paid (0 for in-kind only).' })
  cashAmount: number;

  @Column({ name: 'in_kind_description', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '实物救助: goods given, e.g. rice, oil, quilts.' })
  inKindDescription: string | null;

  @Column({ name: 'in_kind_value_fen', type: 'bigint', nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: 'Value of the goods.' })
  inKindValue: number | null;

  @Column({ name: 'event_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When the hardship occurred (or the application, for expenses).' })
  eventDate: string;

  @Column({ name: 'approval_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '批准日期' })
  approvalDate: string;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'The year of approval.' })
  year: number;
}

@Entity('disability_allowance')
@ObjectType({ description: '残疾人两项补贴: a disability allowance of one person (civil affairs leads SOCIAL_SAFETY_NET).' })
@Directive('@key(fields: "id")')
export class DisabilityAllowance {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'CB-<household ID>-NN.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The person (register person ID).' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => DisabilityAllowanceType, { description: 'Which allowance or grant.' })
  type: DisabilityAllowanceType;

  @Column({ name: 'disability_grade', type: 'smallint' })
  @Field(() => Int, { description: '残疾等级 1 (most severe) to 4.' })
  disabilityGrade: number;

  @Column({ name: 'monthly_amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Yuan per month (the current standard).' })
  monthlyAmount: number;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day in force.' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day paid; null while in force.' })
  endDate: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  @Field(() => CivilAffairsEndReason, { nullable: true, description: 'Why it ended; null while in force.' })
  endReason: CivilAffairsEndReason | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('medical_assistance')
@ObjectType({ description: '医疗救助: a medical-assistance grant; civil affairs\' SUPPORT contribution to the HEALTH duty area.' })
@Directive('@key(fields: "id")')
export class MedicalAssistanceGrant {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'YJ-<household ID>-NNNN.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household (register household ID).' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The person (register person ID).' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => MedicalAssistanceType, { description: 'Which allowance or grant.' })
  type: MedicalAssistanceType;

  @Column({ name: 'grant_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date of the grant.' })
  grantDate: string;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'Year of the grant; for premium subsidies the insurance year (the grant may fall in the collection period of the year before).' })
  year: number;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Amount granted.' })
  amount: number;

  @Column({ name: 'self_paid_cost_fen', type: 'bigint', nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: 'Treatment only: the cost left after basic and critical-illness insurance that the grant was assessed on.' })
  selfPaidCost: number | null;

  @Column({ name: 'settlement_number', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Treatment only: the health department\'s hospital settlement (HospitalSettlement.settlementNumber, 一站式结算) this grant paid into.' })
  settlementNumber: string | null;

  @Column({ name: 'insurance_enrolment_id', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Premium subsidies only: the health department\'s insurance enrolment (HealthInsuranceEnrolment id, <person>:<year>:<scheme>) it paid for.' })
  insuranceEnrolmentId: string | null;
}
