import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, PersonIdScalar } from '@saf/kit';
import { ChronicDisease, HEALTH_DUTY_AREA, PrimaryCareFacilityLevel } from '../codes';
import '../enums';

@Entity('family_doctor_contract')
@ObjectType('FamilyDoctorContract', {
  description: '家庭医生签约 / 慢病签约服务: a person contracted to a family doctor for a period, managing a chronic disease when there is one.',
})
@Directive('@key(fields: "id")')
export class FamilyDoctorContract {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID, { description: 'Record ID.' })
  id: number;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar, { description: 'The household in the register.' })
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The contracted person.' })
  personId: string;

  @Column({ name: 'doctor_name', type: 'text' })
  @Field(() => String, { description: '签约医生.' })
  doctorName: string;

  @Column({ name: 'facility_name', type: 'text' })
  @Field(() => String, { description: 'The village clinic or township health centre of the doctor.' })
  facilityName: string;

  @Column({ name: 'facility_level', type: 'text' })
  @Field(() => PrimaryCareFacilityLevel, { description: 'Village clinic or township health centre.' })
  facilityLevel: PrimaryCareFacilityLevel;

  @Column({ type: 'text', nullable: true })
  @Field(() => ChronicDisease, { nullable: true, description: 'The chronic disease managed (慢病签约); null for a basic contract (基础签约).' })
  disease: ChronicDisease | null;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day of the contract.' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Last day of the contract (inclusive); earlier than planned when it ended early.' })
  endDate: string;

  @Column({ name: 'follow_ups_required', type: 'smallint' })
  @Field(() => Int, {
    nullable: true,
    description: 'Follow-ups the contract period requires (e.g. four a year for hypertension and diabetes). It tells the disease (six for tuberculosis, two for a basic contract), so it is personal data like `disease`.',
  })
  followUpsRequired: number;

  @Column({ name: 'follow_ups_done', type: 'smallint' })
  @Field(() => Int, { nullable: true, description: '随访次数: follow-ups done so far (more than four tells tuberculosis, so personal data like `disease`).' })
  followUpsDone: number;

  @Column({ name: 'last_follow_up_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the latest follow-up; null before the first.' })
  lastFollowUpOn: string | null;

  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the contract ended early (解约); null when it ran or runs its course.' })
  terminationReason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => String, { description: 'The duty area the record serves: HEALTH.' })
  get dutyArea(): string {
    return HEALTH_DUTY_AREA;
  }

  /** Whether the contract runs on any day of the year. */
  activeInYear(year: number): boolean {
    return this.startDate <= `${year}-12-31` && this.endDate >= `${year}-01-01`;
  }
}
