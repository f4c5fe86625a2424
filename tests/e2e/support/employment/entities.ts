import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar } from '@saf/kit';
import { EmploymentMeasureKind } from './codes';

@Entity('employment_measure')
@ObjectType({ description: '就业扶贫: one employment measure for one person of a registered household.' })
export class EmploymentMeasure {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '<person ID>-E<nn>, numbered in order of recording.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Column({ name: 'person_id', type: 'text' })
  @Field(() => PersonIdScalar)
  personId: string;

  @Column({ type: 'text' })
  @Field(() => EmploymentMeasureKind)
  measure: EmploymentMeasureKind;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => LocalDateScalar)
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the job, post or training ended; null while it lasts.' })
  endDate: string | null;

  /** Integer fen. */
  @Column({ name: 'monthly_income_fen', type: 'bigint', nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly income from the job or post, in yuan; null for training.' })
  monthlyIncome: number | null;
}
