import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar, SUPPRESSED_NOTE } from '@saf/kit';
import { DisbursementStatus, FinanceDutyArea, FundedDepartment, Payee, PeriodKind, Programme } from '../codes';
import '../enums';

/**
 * One 一卡通 payment to a household (and, for per-person programmes, for one member). Finance pays
 * for what other departments record: `department` is whose record the payment is for and
 * `sourceRecordId` names that record where there is one (a renovation project, a loan…).
 */
@Entity('disbursement')
@ObjectType({ description: 'A payment finance made for a household (一卡通 subsidy, or to a school, insurer, hospital or institution on its behalf), for a programme of a duty area.' })
@Directive('@key(fields: "id")')
export class Disbursement {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID)
  id: number;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Column({ name: 'person_id', type: 'text', nullable: true })
  @Field(() => PersonIdScalar, { nullable: true, description: 'The member the payment is for (student, disabled person, insured person…); null for household payments.' })
  personId: string | null;

  @Column({ type: 'text' })
  @Field(() => Programme)
  programme: Programme;

  @Column({ name: 'duty_area', type: 'text' })
  @Field(() => FinanceDutyArea, { description: 'The duty area the payment belongs to.' })
  dutyArea: FinanceDutyArea;

  @Column({ type: 'text' })
  @Field(() => FundedDepartment, { description: 'The department the payment is made for (whose record it pays).' })
  department: FundedDepartment;

  @Column({ type: 'text' })
  @Field(() => Payee, { description: 'Who received the money: the household or member (一卡通), or a third party on their behalf.' })
  payee: Payee;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar)
  amount: number;

  @Column({ name: 'payment_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '发放日期' })
  paymentDate: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The period paid for: "2019-03", "2019-Q1", "2019-S1" (spring) / "2019-S2" (autumn) or "2019".' })
  period: string;

  @Column({ name: 'period_kind', type: 'text' })
  @Field(() => PeriodKind)
  periodKind: PeriodKind;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'The year of the period paid for (a December payment re-issued in January keeps its year).' })
  year: number;

  @Column({ name: 'batch_no', type: 'text' })
  @Field(() => String, { description: '发放批次号: the payment run, e.g. 500154-DB-201903-01.' })
  batchNo: string;

  @Column({ type: 'text' })
  @Field(() => DisbursementStatus)
  status: DisbursementStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why a payment was returned or failed.' })
  statusReason: string | null;

  @Column({ name: 'returned_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true })
  returnedOn: string | null;

  @Column({ name: 'source_record_id', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The record of the other department this pays for (e.g. the renovation project or the loan contract).' })
  sourceRecordId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@ObjectType({ description: 'Payments of one programme, duty area and department, summed.' })
export class DisbursementTotal {
  @Field(() => Programme, { nullable: true, description: 'Null when grouped without programme.' })
  programme: Programme | null;

  @Field(() => FinanceDutyArea, { nullable: true })
  dutyArea: FinanceDutyArea | null;

  @Field(() => FundedDepartment, { nullable: true })
  department: FundedDepartment | null;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct households paid for (the small-cell count: a household gets many payments).' })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'Payments, whatever their status.' })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of all payments, whatever their status.' })
  amount: number | null;

  @Field(() => Int, { nullable: true })
  paidCount: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of PAID payments: what reached the households.' })
  paidAmount: number | null;

  @Field(() => Int, { nullable: true, description: 'RETURNED and FAILED payments.' })
  unpaidCount: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  unpaidAmount: number | null;

  @Field(() => Boolean, { description: SUPPRESSED_NOTE })
  suppressed: boolean = false;
}
