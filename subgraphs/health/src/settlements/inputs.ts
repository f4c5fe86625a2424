import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import { HospitalLevel } from '../codes';
import { HospitalSettlement } from './entities';

@InputType('RecordHospitalSettlementInput', {
  description: 'One admission\'s settlement. The paid parts may not exceed the total; the out-of-pocket amount is the rest (given, it must match).',
})
export class RecordSettlementInput {
  @Field(() => String, { description: '结算单号: 6 to 40 letters, digits or dashes, unique.' })
  settlementNumber: string;

  @Field(() => HouseholdIdScalar, { description: 'The patient\'s household in the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'Must be a member of the household in the register.' })
  personId: string;

  @Field(() => String, { description: 'Hospital of the admission.' })
  hospitalName: string;

  @Field(() => HospitalLevel, { description: 'Hospital level.' })
  hospitalLevel: HospitalLevel;

  @Field(() => String, { nullable: true, description: 'Main discharge diagnosis.' })
  diagnosis?: string | null;

  @Field(() => LocalDateScalar, { description: 'Admission date, not in the future.' })
  admittedOn: string;

  @Field(() => LocalDateScalar, { description: 'Not before admission, not in the future; the stay may not overlap another of the person\'s admissions.' })
  dischargedOn: string;

  @Field(() => MoneyScalar, { description: 'Total cost, more than zero.' })
  totalCost: number;

  @Field(() => MoneyScalar, { description: 'Paid by basic medical insurance.' })
  basicInsurance: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Paid by critical-illness insurance; default 0.' })
  criticalIllness?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Medical assistance paid by civil affairs; default 0.' })
  medicalAssistance?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Government safety net (政府兜底); default 0.' })
  safetyNet?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Paid by commercial top-up insurance; default 0.' })
  commercialTopUp?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Optional check: must equal totalCost minus the other parts.' })
  outOfPocket?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '先诊疗后付费.' })
  deferredPayment: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only for a deferred payment already paid: not before discharge.' })
  deferredPaidOn?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '一站式结算.' })
  oneStopSettled: boolean;
}

@InputType('HospitalSettlementPaymentInput', { description: 'The patient paid the deferred own share.' })
export class SettlementPaymentInput {
  @Field(() => LocalDateScalar, { description: 'When the patient paid the deferred own share: not before discharge, not in the future.' })
  paidOn: string;
}

@ObjectType('HospitalSettlementPayload', { description: 'The settlement as it is after the write.' })
export class SettlementPayload {
  @Field(() => HospitalSettlement, { description: 'The settlement.' })
  settlement: HospitalSettlement;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@InputType('HospitalSettlementFilter', { description: 'Filters on hospital settlements; all given conditions must hold.' })
export class SettlementFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6, 9 or 12 digits.' })
  regionPrefix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Settlement (discharge) year.' })
  year?: number | null;

  @Field(() => HospitalLevel, { nullable: true, description: 'Only settlements at hospitals of this level.' })
  hospitalLevel?: HospitalLevel | null;

  @Field(() => Boolean, { nullable: true, description: '先诊疗后付费 admissions (true) or the others (false).' })
  deferredPayment?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Deferred own shares still unpaid (true) or not (false).' })
  deferredUnpaid?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only settlements settled one-stop (true) or the others (false).' })
  oneStopSettled?: boolean | null;
}

@ObjectType('HospitalSettlementTotals', { description: 'Sums over the settlements that match a filter.' })
export class SettlementTotals {
  @Field(() => Int, { nullable: true, description: 'Number of settlements (null when suppressed).' })
  settlements: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct patients (null when suppressed).' })
  persons: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct households (null when suppressed).' })
  households: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of total costs (null when suppressed).' })
  totalCost: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum paid by basic medical insurance (null when suppressed).' })
  basicInsurance: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum paid by critical-illness insurance (null when suppressed).' })
  criticalIllness: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Civil affairs\' medical assistance (null when suppressed).' })
  medicalAssistance: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum paid by the government safety net (null when suppressed).' })
  safetyNet: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum paid by commercial top-up insurance (null when suppressed).' })
  commercialTopUp: number | string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum paid by the patients (null when suppressed).' })
  outOfPocket: number | string | null;

  @Field(() => String, { nullable: true, description: 'Mean of the settlements\' out-of-pocket ratios, exact decimal, 4 places; null without settlements or when suppressed.' })
  averageOutOfPocketRatio: string | null;

  @Field(() => String, { nullable: true, description: 'Sum of out-of-pocket over sum of total cost, exact decimal, 4 places; null without settlements or when suppressed.' })
  overallOutOfPocketRatio: string | null;

  @Field(() => Int, { nullable: true, description: 'Settlements with deferred payment (先诊疗后付费; null when suppressed).' })
  deferredPayments: number | null;

  @Field(() => Int, { nullable: true, description: 'Deferred own shares not paid yet (null when suppressed).' })
  deferredUnpaid: number | null;

  @Field(() => Int, { nullable: true, description: 'Settlements settled one-stop (一站式结算; null when suppressed).' })
  oneStopSettled: number | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (null) because the cell has 1 to 4 households (analyst and dashboard roles).' })
  suppressed: boolean = false;
}
