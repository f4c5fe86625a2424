import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, PersonIdScalar } from '@saf/kit';
import { HEALTH_DUTY_AREA, HospitalLevel, SeriousIllness, SpecialTreatmentStatus } from '../codes';
import '../enums';

@Entity('serious_illness_treatment')
@ObjectType('SeriousIllnessTreatment', {
  description: '大病专项救治: a case of a disease on the special-treatment list, treated at a designated hospital (四定: fixed pathway, hospital, cost, reimbursement).',
})
@Directive('@key(fields: "id")')
export class SeriousIllnessTreatment {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID, { description: 'Record ID.' })
  id: number;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household in the register.' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The patient.' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => SeriousIllness, { nullable: true, description: 'The listed disease.' })
  disease: SeriousIllness;

  @Column({ name: 'designated_hospital', type: 'text' })
  @Field(() => String, { nullable: true, description: '定点医院: designated per disease (a cancer, children\'s or mental-health hospital), so it tells the disease and is personal data like `disease`.' })
  designatedHospital: string;

  @Column({ name: 'hospital_level', type: 'text' })
  @Field(() => HospitalLevel, { description: 'Level of the designated hospital.' })
  hospitalLevel: HospitalLevel;

  @Column({ name: 'diagnosed_on', type: 'date' })
  @Field(() => LocalDateScalar, { description: '确诊日期.' })
  diagnosedOn: string;

  @Column({ name: 'treatment_started_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Start of treatment under the programme; null while only diagnosed.' })
  treatmentStartedOn: string | null;

  @Column({ name: 'treatment_ended_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'End of treatment (treated or discontinued); null while open.' })
  treatmentEndedOn: string | null;

  @Column({ type: 'text' })
  @Field(() => SpecialTreatmentStatus, { description: 'Case status.' })
  status: SpecialTreatmentStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => String, { description: 'The duty area the record serves: HEALTH.' })
  get dutyArea(): string {
    return HEALTH_DUTY_AREA;
  }

  /** Open at some time during the year: diagnosed by its end and not ended before it began. */
  openInYear(year: number): boolean {
    return this.diagnosedOn <= `${year}-12-31` && (this.treatmentEndedOn === null || this.treatmentEndedOn >= `${year}-01-01`);
  }
}
