import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import { HEALTH_DUTY_AREA, InsuranceScheme, PremiumSubsidyStatus, SubsidisingDepartment } from '../codes';
import '../enums';

/** The ID of an enrolment is its natural key, so that other departments can compute it. */
export function enrolmentId(personId: string, year: number, scheme: InsuranceScheme): string {
  return `${personId}:${year}:${scheme}`;
}

@Entity('insurance_enrolment')
@ObjectType('HealthInsuranceEnrolment', {
  description: '参保: one person enrolled in one medical insurance scheme for one year, with the premium and who paid it.',
})
@Directive('@key(fields: "id")')
export class InsuranceEnrolment {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: 'The natural key `<personId>:<year>:<scheme>`, e.g. 5001541012010001-01:2018:BASIC.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household the person belonged to when enrolled.' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The enrolled person.' })
  personId: string;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'The insurance year (参保年度).' })
  year: number;

  @Column({ type: 'text' })
  @Field(() => InsuranceScheme, { description: 'The insurance scheme.' })
  scheme: InsuranceScheme;

  @Column({ name: 'premium_fen', type: 'bigint' })
  @Field(() => MoneyScalar, {
    description: 'Premium due for the person: the individual contribution (个人缴费标准) for BASIC, the per-capita premium paid from the basic fund for CRITICAL_ILLNESS, the policy premium for COMMERCIAL_TOP_UP.',
  })
  premium: number;

  @Column({ name: 'individual_contribution_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '个人实缴: what the person paid.' })
  individualContribution: number;

  @Column({ name: 'subsidy_status', type: 'text' })
  @Field(() => PremiumSubsidyStatus, { description: '资助参保 status.' })
  subsidyStatus: PremiumSubsidyStatus;

  @Column({ name: 'subsidy_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: 'Premium subsidy (资助金额) paid by `subsidisingDepartment`.' })
  subsidy: number;

  @Column({ name: 'subsidising_department', type: 'text', nullable: true })
  @Field(() => SubsidisingDepartment, { nullable: true, description: 'Duty-matrix code of the department that paid the subsidy (a supporting department of the HEALTH area); null without subsidy.' })
  subsidisingDepartment: SubsidisingDepartment | null;

  @Column({ name: 'enrolled_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: '参保登记日期: usually in the collection period of the previous autumn.' })
  enrolledOn: string;

  @Column({ name: 'cancelled_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: '终止参保 date; a cancelled enrolment does not count as insured.' })
  cancelledOn: string | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the enrolment was cancelled; null while active.' })
  cancellationReason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => Boolean, { description: 'True unless cancelled.' })
  get active(): boolean {
    return this.cancelledOn === null;
  }

  @Field(() => MoneyScalar, { description: 'The part of the premium neither the person nor a subsidy paid: for CRITICAL_ILLNESS, the basic insurance fund.' })
  get pooledFundShare(): number {
    return Number(this.premium) - Number(this.individualContribution) - Number(this.subsidy);
  }

  @Field(() => String, { description: 'The duty area the record serves: HEALTH (健康扶贫), led by the health department.' })
  get dutyArea(): string {
    return HEALTH_DUTY_AREA;
  }
}
