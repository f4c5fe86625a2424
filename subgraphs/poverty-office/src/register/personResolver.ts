import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, inScope, LocalDateScalar, PersonIdScalar, ResidentIdScalar, seesPersonalData, SubgraphContext, todayLocalDate, userError } from '@saf/kit';
import { Household, Person } from './entities';
import { householdById, personById } from './loaders';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person of the register.' })
  person(@Arg('id', () => PersonIdScalar) id: string, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    return ctx.loaders.get(personById).load(id);
  }

  @Query(() => PersonIdScalar, {
    nullable: true,
    description:
      "Resolves a resident ID number to the person ID departments join on. A separate lookup so that it can be authorised and audited on its own: caseworkers and officers only (FORBIDDEN for other roles), within the caller's region (null for a person registered elsewhere), every lookup audited.",
  })
  async personIdByResidentId(@Arg('residentId', () => ResidentIdScalar) residentId: string, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    // A resident ID number is personal data: only the roles that may read it in clear may look a
    // person up by it, each lookup is audited, and a person outside the caller's region is not
    // found (rather than OUT_OF_SCOPE, which would tell that the number is registered elsewhere).
    if (!seesPersonalData(ctx.identity)) {
      throw userError(ErrorCode.FORBIDDEN, `looking a person up by resident ID number is for caseworkers and officers; your role is ${ctx.identity.role}`, {
        reason: 'ROLE',
        field: 'residentId',
      });
    }
    const [row]: Array<{ id: string; household_id: string }> = await ctx.db.query('SELECT id, household_id FROM person WHERE resident_id = $1', [residentId]);
    if (!row || !inScope(ctx.identity, row.id)) return null;
    ctx.audit.noteRead('Person', { recordId: row.id, householdId: row.household_id, personId: row.id }, 'residentId', false);
    return row.id;
  }

  @FieldResolver(() => Household)
  household(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<Household | null> {
    return ctx.loaders.get(householdById).load(person.householdId);
  }

  @FieldResolver(() => Int, { description: 'Age in whole years on a date (default today).' })
  age(@Root() person: Person, @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null): number {
    return ageOn(person.birthDate, on ?? todayLocalDate());
  }
}

export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
