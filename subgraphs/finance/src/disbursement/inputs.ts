import { Field, InputType, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import { DisbursementStatus, FinanceDutyArea, FundedDepartment, Payee, Programme } from '../codes';
import { Disbursement } from './entities';

@InputType({ description: 'One 一卡通 payment. Duty area and department default to the programme\'s usual ones (see financeProgrammeRules).' })
export class DisbursementInput {
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Field(() => PersonIdScalar, { nullable: true, description: 'Required for per-person programmes (students, disabled persons, insured persons…).' })
  personId?: string | null;

  @Field(() => Programme)
  programme: Programme;

  @Field(() => FinanceDutyArea, { nullable: true })
  dutyArea?: FinanceDutyArea | null;

  @Field(() => FundedDepartment, { nullable: true })
  department?: FundedDepartment | null;

  @Field(() => Payee, { nullable: true, description: 'Default: the programme\'s usual payee (see financeProgrammeRules).' })
  payee?: Payee | null;

  @Field(() => MoneyScalar)
  amount: number;

  @Field(() => LocalDateScalar)
  paymentDate: string;

  @Field(() => String, { description: '"2019-03" (month), "2019-Q1", "2019-S1" / "2019-S2" (semester) or "2019", as the programme allows.' })
  period: string;

  @Field(() => String, { description: '发放批次号, e.g. 500154-DB-201903-01.' })
  batchNo: string;

  @Field(() => DisbursementStatus, { nullable: true, defaultValue: DisbursementStatus.PAID })
  status: DisbursementStatus;

  @Field(() => String, { nullable: true, description: 'Required for RETURNED and FAILED payments.' })
  statusReason?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Required for RETURNED payments.' })
  returnedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The other department\'s record paid for (renovation project, loan contract…).' })
  sourceRecordId?: string | null;
}

@InputType({ description: 'The bank returned a payment (退回).' })
export class ReturnDisbursementInput {
  @Field(() => LocalDateScalar)
  returnedOn: string;

  @Field(() => String, { description: 'e.g. 账户已销户, 账户冻结, 户名不符.' })
  reason: string;
}

@ObjectType()
export class DisbursementPayload {
  @Field(() => Disbursement)
  disbursement: Disbursement;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType()
export class DisbursementBatchPayload {
  @Field(() => [Disbursement], { description: 'The payments in input order.' })
  disbursements: Disbursement[];

  @Field(() => Boolean)
  replayed: boolean;
}
