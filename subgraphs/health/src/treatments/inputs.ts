import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, PersonIdScalar } from '@saf/kit';
import { HospitalLevel, SeriousIllness, SpecialTreatmentStatus } from '../codes';
import { SeriousIllnessTreatment } from './entities';

@InputType('RegisterSeriousIllnessTreatmentInput', { description: 'A case of a listed serious illness taken into special treatment (大病专项救治).' })
export class RegisterTreatmentInput {
  @Field(() => HouseholdIdScalar, { description: 'The patient\'s household in the register.' })
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'Must be a member of the household in the register.' })
  personId: string;

  @Field(() => SeriousIllness, { description: 'A disease of the special-treatment list.' })
  disease: SeriousIllness;

  @Field(() => String, { description: '定点医院.' })
  designatedHospital: string;

  @Field(() => HospitalLevel, { description: 'Level of the designated hospital.' })
  hospitalLevel: HospitalLevel;

  @Field(() => LocalDateScalar, { description: 'Diagnosis date (from 2000), not in the future.' })
  diagnosedOn: string;

  @Field(() => SpecialTreatmentStatus, { nullable: true, description: 'Default DIAGNOSED; IN_TREATMENT needs treatmentStartedOn, TREATED both dates, DISCONTINUED treatmentEndedOn.' })
  status?: SpecialTreatmentStatus | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Not before the diagnosis, nor before the disease was on the list.' })
  treatmentStartedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End of treatment, for TREATED and DISCONTINUED.' })
  treatmentEndedOn?: string | null;
}

@InputType('UpdateSeriousIllnessTreatmentInput', { description: 'Moves a case on: DIAGNOSED → IN_TREATMENT → TREATED, or to DISCONTINUED.' })
export class UpdateTreatmentInput {
  @Field(() => SpecialTreatmentStatus, { description: 'The new status.' })
  status: SpecialTreatmentStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Required when the case goes into treatment.' })
  treatmentStartedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Required for TREATED and DISCONTINUED.' })
  treatmentEndedOn?: string | null;
}

@ObjectType('SeriousIllnessTreatmentPayload', { description: 'The case as it is after the write.' })
export class TreatmentPayload {
  @Field(() => SeriousIllnessTreatment, { description: 'The case.' })
  treatment: SeriousIllnessTreatment;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@InputType('SeriousIllnessTreatmentFilter', { description: 'Filters on special-treatment cases; all given conditions must hold.' })
export class TreatmentFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6, 9 or 12 digits.' })
  regionPrefix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Cases open during this year (diagnosed by its end, not ended before it began).' })
  year?: number | null;

  @Field(() => SeriousIllness, { nullable: true, description: 'Only cases of this disease. Caseworkers and officers only (FORBIDDEN for roles that see diagnoses masked).' })
  disease?: SeriousIllness | null;

  @Field(() => SpecialTreatmentStatus, { nullable: true, description: 'Only cases in this status.' })
  status?: SpecialTreatmentStatus | null;

  @Field(() => HospitalLevel, { nullable: true, description: 'Only cases at designated hospitals of this level.' })
  hospitalLevel?: HospitalLevel | null;
}
