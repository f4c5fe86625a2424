import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, PersonIdScalar, ResidentIdScalar, SubgraphContext, todayLocalDate } from '@saf/kit';
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
    description: 'Resolves a resident ID number to the person ID departments join on. A separate lookup so that it can be authorised and audited on its own.',
  })
  async personIdByResidentId(@Arg('residentId', () => ResidentIdScalar) residentId: string, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    const [row] = await ctx.db.query('SELECT id FROM person WHERE resident_id = $1', [residentId]);
    return row?.id ?? null;
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
