import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  ageOn,
  ErrorCode,
  HouseholdIdScalar,
  LocalDateScalar,
  MoneyScalar,
  PersonIdScalar,
  recordChanges,
  RegisterPerson,
  runIdempotent,
  SubgraphContext,
  todayLocalDate,
  userError,
} from '@saf/kit';
import { EMPLOYING_MEASURES, EmploymentMeasureKind, WORKING_AGE } from './codes';
import { EmploymentMeasure } from './entities';

@InputType({ description: 'An employment measure for one member of a registered household.' })
export class RecordEmploymentMeasureInput {
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Field(() => PersonIdScalar)
  personId: string;

  @Field(() => EmploymentMeasureKind)
  measure: EmploymentMeasureKind;

  @Field(() => LocalDateScalar)
  startDate: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Required for a job placement or a public-welfare post; none for training.' })
  monthlyIncome?: number | null;
}

@ObjectType()
export class EmploymentMeasurePayload {
  @Field(() => EmploymentMeasure)
  measure: EmploymentMeasure;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

const invalid = (field: string, message: string) => userError(ErrorCode.BAD_USER_INPUT, message, { field });

/** What the input says on its own: dates in order and not in the future, income where a job pays one. */
export function validateMeasure(input: RecordEmploymentMeasureInput): void {
  if (input.startDate > todayLocalDate()) throw invalid('input.startDate', 'input.startDate cannot be in the future');
  if (input.endDate && input.endDate < input.startDate) throw invalid('input.endDate', `input.endDate (${input.endDate}) is before input.startDate (${input.startDate})`);
  const employs = EMPLOYING_MEASURES.has(input.measure);
  if (employs && input.monthlyIncome == null) throw invalid('input.monthlyIncome', `a ${input.measure} has a monthly income`);
  if (!employs && input.monthlyIncome != null) throw invalid('input.monthlyIncome', 'training has no monthly income');
  if (input.monthlyIncome != null && input.monthlyIncome <= 0) throw userError(ErrorCode.INVALID_MONEY, 'input.monthlyIncome must be positive', { field: 'input.monthlyIncome' });
}

/** What the register says: the person is of working age when the measure starts. */
function validateAge(input: RecordEmploymentMeasureInput, person: RegisterPerson): void {
  const age = ageOn(person.birthDate, input.startDate);
  if (age < WORKING_AGE.from) throw invalid('input.startDate', `person ${input.personId} is ${age} on ${input.startDate}; employment measures start at ${WORKING_AGE.from}`);
}

/** Inserts the measure with the person's next number (serialised per person) and records the change. */
export async function insertMeasure(tx: EntityManager, input: RecordEmploymentMeasureInput): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`employment:${input.personId}`]);
  const same = await tx.findOneBy(EmploymentMeasure, { personId: input.personId, measure: input.measure, startDate: input.startDate });
  if (same) throw userError(ErrorCode.CONFLICT, `person ${input.personId} already has a ${input.measure} starting ${input.startDate} (${same.id})`, { field: 'input.startDate' });
  const [{ last }] = await tx.query('SELECT COALESCE(MAX(substr(id, 22)::int), 0) AS last FROM employment_measure WHERE person_id = $1', [input.personId]);
  if (Number(last) >= 99) throw userError(ErrorCode.CONFLICT, `person ${input.personId} has no measure numbers left`, { field: 'input.personId' });
  const id = `${input.personId}-E${String(Number(last) + 1).padStart(2, '0')}`;
  await tx.insert(EmploymentMeasure, {
    id,
    householdId: input.householdId,
    personId: input.personId,
    measure: input.measure,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    monthlyIncome: input.monthlyIncome ?? null,
  });
  await recordChanges(tx, 'employment', [{ record: 'EmploymentMeasure', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
  return id;
}

/** The department's write: validated, checked against the register, one transaction, idempotent on the client's key. */
@Resolver()
export class EmploymentMutationResolver {
  @Mutation(() => EmploymentMeasurePayload, { description: 'Records a job placement, vocational training or public-welfare post for a member of a registered household.' })
  async recordEmploymentMeasure(
    @Arg('input', () => RecordEmploymentMeasureInput) input: RecordEmploymentMeasureInput,
    @Arg('idempotencyKey', () => String, { description: 'A client-chosen key (8–200 characters). Repeating a request with the same key returns the first result without writing again.' }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmploymentMeasurePayload> {
    validateMeasure(input);
    const people = await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    validateAge(input, people.get(input.personId)!);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordEmploymentMeasure', input }, (tx) => insertMeasure(tx, input));
    return { measure: await ctx.db.getRepository(EmploymentMeasure).findOneByOrFail({ id: result }), replayed };
  }
}
