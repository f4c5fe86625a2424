import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, ValueTransformer } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, RegionCodeScalar } from '@saf/kit';
import {
  AcceptanceResult,
  AppraisalMethod,
  DwellingRating,
  DwellingStructure,
  RenovationStatus,
  RenovationType,
  ResettlementMode,
} from '../codes';
import '../enums';

/**
 * The housing department's records. Each class is both the TypeORM entity and the GraphQL object
 * type; relations (the household, the triggering appraisal, relocated persons…) are field
 * resolvers batched through DataLoader. Money properties hold integer fen; areas are square metres.
 */

/** numeric columns arrive as strings from pg; areas are small, so a JS number is exact enough. */
const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};

@Entity('dwelling_appraisal')
@ObjectType({ description: '农村危房鉴定: a safety appraisal of a household\'s dwelling. A household may be re-appraised; the latest appraisal counts.' })
@Directive('@key(fields: "id")')
export class DwellingAppraisal {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '<household ID>-A<nn>, numbered in order of appraisal.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Column({ type: 'text' })
  @Field(() => DwellingRating, { description: '鉴定等级 A–D; C and D are dangerous houses (危房).' })
  rating: DwellingRating;

  @Column({ name: 'appraisal_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '鉴定日期' })
  appraisalDate: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: '鉴定人或鉴定机构: the appraiser or appraising agency.' })
  appraiser: string;

  @Column({ type: 'text' })
  @Field(() => AppraisalMethod, { description: '鉴定方式: county housing bureau or third party.' })
  method: AppraisalMethod;

  @Column({ type: 'text' })
  @Field(() => DwellingStructure, { description: '房屋结构' })
  structure: DwellingStructure;

  @Column({ name: 'floor_area', type: 'numeric', transformer: numeric })
  @Field(() => Float, { description: '建筑面积, square metres.' })
  floorArea: number;

  @Column({ name: 'year_built', type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '建造年代: year built, when known.' })
  yearBuilt: number | null;

  @Column({ name: 'danger_points', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '危险点: what the appraiser found.' })
  dangerPoints: string | null;

  @Column({ name: 'is_latest', type: 'boolean' })
  @Field(() => Boolean, { description: 'Whether this is the household\'s latest appraisal (the one that counts).' })
  isLatest: boolean;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

@Entity('renovation_project')
@ObjectType({
  description: '危房改造项目: the renovation of a C/D-rated dwelling, from approval to acceptance (验收) and move-in. Housing leads the HOUSING_RENOVATION duty area (seed 004 item 9).',
})
@Directive('@key(fields: "id")')
export class RenovationProject {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '<household ID>-R<nn>.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Column({ name: 'appraisal_id', type: 'text' })
  @Field(() => ID, { description: 'The C/D appraisal that put the dwelling on the renovation list.' })
  appraisalId: string;

  @Column({ name: 'renovation_type', type: 'text' })
  @Field(() => RenovationType, { description: '改造方式' })
  type: RenovationType;

  @Column({ type: 'text' })
  @Field(() => RenovationStatus)
  status: RenovationStatus;

  @Column({ name: 'plan_year', type: 'smallint' })
  @Field(() => Int, { description: '改造年度: the year of the renovation plan (the approval year).' })
  planYear: number;

  @Column({ name: 'approval_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '批准日期' })
  approvalDate: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '开工日期' })
  startDate: string | null;

  @Column({ name: 'completion_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '竣工日期' })
  completionDate: string | null;

  @Column({ name: 'acceptance_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '验收日期 (of the latest inspection).' })
  acceptanceDate: string | null;

  @Column({ name: 'acceptance_result', type: 'text', nullable: true })
  @Field(() => AcceptanceResult, { nullable: true, description: '验收结果 (of the latest inspection).' })
  acceptanceResult: AcceptanceResult | null;

  @Column({ name: 'acceptance_note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Inspector\'s note, e.g. what must be rectified (整改).' })
  acceptanceNote: string | null;

  @Column({ name: 'move_in_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '入住日期' })
  moveInDate: string | null;

  @Column({ name: 'floor_area', type: 'numeric', nullable: true, transformer: numeric })
  @Field(() => Float, { nullable: true, description: '改造面积, square metres.' })
  floorArea: number | null;

  @Column({ name: 'subsidy_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '补助资金: the government subsidy (paid by finance on acceptance).' })
  subsidy: number;

  @Column({ name: 'self_raised_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '自筹资金: funds the household raised itself.' })
  selfRaisedFunds: number;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('relocation_housing')
@ObjectType({
  description: '易地扶贫搬迁安置住房: resettlement housing allocated to a relocated household. The development and reform commission leads RELOCATION; housing supports it (seed 004 item 4).',
})
@Directive('@key(fields: "id")')
export class RelocationHousing {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '<household ID>-S<nn>.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Column({ name: 'plan_year', type: 'smallint' })
  @Field(() => Int, { description: '搬迁年度' })
  planYear: number;

  @Column({ name: 'site_name', type: 'text' })
  @Field(() => String, { description: '安置点: the resettlement site or placement.' })
  siteName: string;

  @Column({ name: 'site_region_code', type: 'text', nullable: true })
  @Field(() => RegionCodeScalar, { nullable: true, description: 'Region of the resettlement site (township or village).' })
  siteRegionCode: string | null;

  @Column({ type: 'text' })
  @Field(() => ResettlementMode, { description: '安置方式' })
  mode: ResettlementMode;

  @Column({ name: 'unit_area', type: 'numeric', transformer: numeric })
  @Field(() => Float, { description: '安置住房面积, square metres (at most 25 per person).' })
  unitArea: number;

  @Column({ name: 'persons_relocated', type: 'smallint' })
  @Field(() => Int, { description: '搬迁人数' })
  personsRelocated: number;

  @Column({ name: 'allocation_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '分配日期: date the unit was allocated.' })
  allocationDate: string;

  @Column({ name: 'handover_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '交房日期: keys handed over.' })
  handoverDate: string | null;

  @Column({ name: 'move_in_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '入住日期' })
  moveInDate: string | null;

  @Column({ name: 'old_house_demolished', type: 'boolean' })
  @Field(() => Boolean, { description: '旧房拆除' })
  oldHouseDemolished: boolean;

  @Column({ name: 'demolition_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '旧房拆除日期' })
  demolitionDate: string | null;

  @Column({ name: 'land_reclaimed', type: 'boolean' })
  @Field(() => Boolean, { description: '宅基地复垦: the old homestead returned to farmland.' })
  landReclaimed: boolean;

  @Column({ name: 'subsidy_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '建房补助: the housing subsidy for the relocated household.' })
  subsidy: number;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A person moved by a relocation (搬迁人口); not a GraphQL type of its own. */
@Entity('relocation_member')
export class RelocationMember {
  @PrimaryColumn({ name: 'relocation_id', type: 'text' })
  relocationId: string;

  @PrimaryColumn({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'household_id', type: 'text' })
  householdId: string;

  @ManyToOne(() => RelocationHousing)
  @JoinColumn({ name: 'relocation_id' })
  relocation: RelocationHousing;
}
