import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar, RegionCodeScalar, ResidentIdScalar } from '@saf/kit';
import {
  EducationLevel,
  EXIT_STEPS,
  HealthStatus,
  IDENTIFICATION_STEPS,
  IdentificationStandard,
  LabourCapacity,
  MemberStatus,
  PovertyCause,
  PovertyStatus,
  ProcedureKind,
  ProcedureStepCode,
  Relation,
  SchoolingStatus,
  Sex,
  UnitLevel,
  WelfareCategory,
} from './codes';
import './enums';

/**
 * The register (建档立卡). Each class is both the TypeORM entity and the GraphQL object type;
 * relations (members, region, history…) are field resolvers batched through DataLoader.
 * Money properties hold integer fen; the Money scalar writes them as exact yuan strings.
 */

export const ProcedureStepCodes = Object.fromEntries([...IDENTIFICATION_STEPS, ...EXIT_STEPS].map((s) => [s, s])) as Record<ProcedureStepCode, ProcedureStepCode>;
registerEnumType(ProcedureStepCodes, { name: 'ProcedureStepCode', description: 'A step of the identification or exit procedure (reference/domain.md §3.2).' });

@Entity('household')
@ObjectType({ description: 'A registered poor household (建档立卡贫困户). Owned by the poverty office.' })
@Directive('@key(fields: "id")')
export class Household {
  @PrimaryColumn({ type: 'text' })
  @Field(() => HouseholdIdScalar)
  id: string;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => RegionCodeScalar, { description: 'The village the household lives in.' })
  regionCode: string;

  @Column({ name: 'identification_standard', type: 'text' })
  @Field(() => IdentificationStandard)
  identificationStandard: IdentificationStandard;

  @Column({ name: 'welfare_category', type: 'text' })
  @Field(() => WelfareCategory)
  welfareCategory: WelfareCategory;

  @Column({ name: 'main_cause', type: 'text' })
  @Field(() => PovertyCause, { description: '主要致贫原因' })
  mainCause: PovertyCause;

  @Column({ name: 'other_causes', type: 'text', array: true })
  @Field(() => [PovertyCause], { description: '其他致贫原因: at most two.' })
  otherCauses: PovertyCause[];

  @Column({ type: 'text' })
  @Field(() => PovertyStatus, { description: 'Current status; see statusHistory for effective dates.' })
  status: PovertyStatus;

  @Column({ name: 'identification_year', type: 'smallint' })
  @Field(() => Int)
  identificationYear: number;

  @Column({ name: 'exit_year', type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true })
  exitYear: number | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  address: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Personal data.' })
  phone: string | null;

  @Column({ name: 'bank_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  bankName: string | null;

  @Column({ name: 'bank_account', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Personal data.' })
  bankAccount: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('person')
@ObjectType({ description: 'A member of a registered household. Owned by the poverty office.' })
@Directive('@key(fields: "id")')
export class Person {
  @PrimaryColumn({ type: 'text' })
  @Field(() => PersonIdScalar)
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Column({ name: 'resident_id', type: 'text' })
  @Field(() => ResidentIdScalar, { description: '公民身份号码. Personal data: never an entity key.' })
  residentId: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name: string;

  @Column({ type: 'text' })
  @Field(() => Sex)
  sex: Sex;

  @Column({ name: 'birth_date', type: 'date' })
  @Field(() => LocalDateScalar)
  birthDate: string;

  @Column({ type: 'text' })
  @Field(() => Relation)
  relation: Relation;

  @Column({ type: 'text' })
  @Field(() => String, { description: '民族, e.g. HAN, TUJIA, MIAO.' })
  ethnicity: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => EducationLevel, { nullable: true })
  education: EducationLevel | null;

  @Column({ name: 'schooling_status', type: 'text', nullable: true })
  @Field(() => SchoolingStatus, { nullable: true })
  schoolingStatus: SchoolingStatus | null;

  @Column({ name: 'health_status', type: 'text' })
  @Field(() => HealthStatus)
  healthStatus: HealthStatus;

  @Column({ name: 'labour_capacity', type: 'text' })
  @Field(() => LabourCapacity)
  labourCapacity: LabourCapacity;

  @Column({ name: 'migrant_work_months', type: 'smallint' })
  @Field(() => Int, { description: '务工时间: months of migrant work in the last year.' })
  migrantWorkMonths: number;

  @Column({ name: 'member_status', type: 'text' })
  @Field(() => MemberStatus)
  memberStatus: MemberStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('household_status_period')
@ObjectType({ description: 'A period during which a household had one poverty status.' })
export class StatusPeriod {
  @PrimaryColumn({ name: 'household_id', type: 'text' })
  householdId: string;

  @PrimaryColumn({ name: 'effective_from', type: 'date' })
  @Field(() => LocalDateScalar)
  effectiveFrom: string;

  @Column({ type: 'text' })
  @Field(() => PovertyStatus)
  status: PovertyStatus;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Exclusive end; null while the period is current.' })
  effectiveTo: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null;
}

@Entity('household_income')
@ObjectType({ description: '家庭年人均纯收入: net income per person for one year.' })
export class HouseholdIncome {
  @PrimaryColumn({ name: 'household_id', type: 'text' })
  householdId: string;

  @PrimaryColumn({ type: 'smallint' })
  @Field(() => Int)
  year: number;

  @Column({ name: 'net_income_per_capita_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { nullable: true })
  netIncomePerCapita: number;

  @Column({ name: 'household_size', type: 'smallint' })
  @Field(() => Int)
  householdSize: number;

  /** When the figure was recorded: the date the exit assessment cites as evidence. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

@Entity('household_visit')
@ObjectType({ description: '入户走访: a household visit checking food, clothing and drinking water (两不愁).' })
export class HouseholdVisit {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID)
  id: number;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'visit_date', type: 'date' })
  @Field(() => LocalDateScalar)
  visitDate: string;

  @Column({ type: 'text' })
  @Field(() => String)
  visitor: string;

  @Column({ name: 'food_secure', type: 'boolean' })
  @Field(() => Boolean, { description: '不愁吃' })
  foodSecure: boolean;

  @Column({ name: 'clothing_secure', type: 'boolean' })
  @Field(() => Boolean, { description: '不愁穿' })
  clothingSecure: boolean;

  @Column({ name: 'drinking_water_safe', type: 'boolean' })
  @Field(() => Boolean, { description: '饮水安全' })
  drinkingWaterSafe: boolean;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  notes: string | null;
}

@Entity('cadre')
@ObjectType({ description: '帮扶责任人: an official assigned to help households.' })
export class Cadre {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The cadre\'s work unit.' })
  unit: string;

  @Column({ name: 'unit_level', type: 'text' })
  @Field(() => UnitLevel)
  unitLevel: UnitLevel;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  phone: string | null;
}

@Entity('cadre_assignment')
@ObjectType({ description: 'A cadre assigned to a household for a period.' })
export class CadreAssignment {
  @PrimaryColumn({ name: 'household_id', type: 'text' })
  householdId: string;

  @PrimaryColumn({ name: 'cadre_id', type: 'text' })
  cadreId: string;

  @PrimaryColumn({ name: 'assigned_from', type: 'date' })
  @Field(() => LocalDateScalar)
  assignedFrom: string;

  @Column({ name: 'assigned_to', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true })
  assignedTo: string | null;
}

@Entity('procedure_step')
@ObjectType({ description: 'One step of the identification or exit procedure, with its actor, date and evidence.' })
export class ProcedureStep {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID)
  id: number;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ type: 'text' })
  @Field(() => ProcedureKind)
  procedure: ProcedureKind;

  @Column({ type: 'text' })
  @Field(() => ProcedureStepCodes)
  step: ProcedureStepCode;

  @Column({ name: 'step_order', type: 'smallint' })
  @Field(() => Int)
  stepOrder: number;

  @Column({ type: 'text' })
  @Field(() => String)
  actor: string;

  @Column({ name: 'actor_level', type: 'text' })
  @Field(() => UnitLevel)
  actorLevel: UnitLevel;

  @Column({ name: 'step_date', type: 'date' })
  @Field(() => LocalDateScalar)
  stepDate: string;

  @Column({ type: 'text' })
  @Field(() => String)
  evidence: string;

  @Column({ name: 'posting_start', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Start of the public posting (公示), for posting steps.' })
  postingStart: string | null;

  @Column({ name: 'posting_end', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true })
  postingEnd: string | null;

  @Column({ name: 'objection_count', type: 'smallint' })
  @Field(() => Int)
  objectionCount: number;
}
