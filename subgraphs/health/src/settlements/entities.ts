import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import { HEALTH_DUTY_AREA, HospitalLevel } from '../codes';
import { exactRatio } from '../common/validation';
import '../enums';

@Entity('hospital_settlement')
@ObjectType('HospitalSettlement', {
  description:
    '住院结算: one hospital admission and who paid its cost: basic insurance, critical-illness insurance, medical assistance (civil affairs), the government safety net (政府兜底), commercial top-up insurance and the patient (out of pocket). The parts add up to the total.',
})
@Directive('@key(fields: "id")')
export class HospitalSettlement {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID, { description: 'Record ID.' })
  id: number;

  @Column({ name: 'settlement_number', type: 'text' })
  @Field(() => String, { description: '结算单号: unique per settlement.' })
  settlementNumber: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household in the register.' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The patient.' })
  personId: string;

  @Column({ name: 'hospital_name', type: 'text' })
  @Field(() => String, { description: 'Hospital of the admission.' })
  hospitalName: string;

  @Column({ name: 'hospital_level', type: 'text' })
  @Field(() => HospitalLevel, { description: 'Hospital level, which sets the reimbursement rules.' })
  hospitalLevel: HospitalLevel;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Main discharge diagnosis (出院诊断).' })
  diagnosis: string | null;

  @Column({ name: 'admitted_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Admission date (入院).' })
  admittedOn: string;

  @Column({ name: 'discharged_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Discharge date (出院); its year is the settlement year.' })
  dischargedOn: string;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'Settlement year: the year of discharge.' })
  year: number;

  @Column({ name: 'total_cost_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '住院总费用.' })
  totalCost: number;

  @Column({ name: 'basic_insurance_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Paid by basic medical insurance (基本医保).' })
  basicInsurance: number;

  @Column({ name: 'critical_illness_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Paid by critical-illness insurance (大病保险).' })
  criticalIllness: number;

  @Column({ name: 'medical_assistance_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Medical assistance (医疗救助): civil affairs\' part, a supporting contribution to the HEALTH area.' })
  medicalAssistance: number;

  @Column({ name: 'safety_net_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Government safety net (政府兜底), paid by public finance so that the patient\'s share stays under the local cap.' })
  safetyNet: number;

  @Column({ name: 'commercial_top_up_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Commercial top-up insurance (商业补充保险).' })
  commercialTopUp: number;

  @Column({ name: 'out_of_pocket_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '个人自付: total cost minus every other part.' })
  outOfPocket: number;

  @Column({ name: 'deferred_payment', type: 'boolean' })
  @Field(() => Boolean, { description: '先诊疗后付费: admitted without a deposit, the patient pays the own share after discharge.' })
  deferredPayment: boolean;

  @Column({ name: 'deferred_paid_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the patient paid the deferred own share; null while unpaid (or not deferred).' })
  deferredPaidOn: string | null;

  @Column({ name: 'one_stop_settled', type: 'boolean' })
  @Field(() => Boolean, { description: '一站式结算: basic, critical-illness insurance and medical assistance settled together at discharge.' })
  oneStopSettled: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => String, { description: 'Out-of-pocket ratio (自付比例) = outOfPocket / totalCost as an exact decimal with 4 places, rounded half up (e.g. "0.0850").' })
  get outOfPocketRatio(): string {
    return exactRatio(Number(this.outOfPocket), Number(this.totalCost)) ?? '0.0000';
  }

  @Field(() => String, { description: 'Actual reimbursement ratio (实际报销比例) = 1 − outOfPocketRatio, exact, 4 places.' })
  get reimbursementRatio(): string {
    const [whole, fraction] = this.outOfPocketRatio.split('.');
    const complement = 10000 - (Number(whole) * 10000 + Number(fraction));
    return `${Math.floor(complement / 10000)}.${String(complement % 10000).padStart(4, '0')}`;
  }

  @Field(() => Int, { description: 'Length of stay in days (住院天数), at least 1.' })
  get lengthOfStay(): number {
    const days = Math.round((Date.parse(this.dischargedOn) - Date.parse(this.admittedOn)) / 86_400_000);
    return Math.max(1, days);
  }

  @Field(() => String, { description: 'The duty area the record serves: HEALTH.' })
  get dutyArea(): string {
    return HEALTH_DUTY_AREA;
  }
}
