import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@saf/kit';
import { EmploymentMeasure } from './entities';
import { HouseholdKey, PersonKey } from './keys';
import { measuresByHousehold, measuresByPerson } from './loaders';

/** The employment department's fields on the register's households. */
@Resolver(() => HouseholdKey)
export class EmploymentHouseholdResolver {
  @FieldResolver(() => [EmploymentMeasure], { description: "就业扶贫: the household's employment measures, in ID order." })
  employmentMeasures(@Root() household: HouseholdKey, @Ctx() ctx: SubgraphContext): Promise<EmploymentMeasure[]> {
    return ctx.loaders.get(measuresByHousehold).load(household.id);
  }
}

/** The employment department's fields on the register's persons. */
@Resolver(() => PersonKey)
export class EmploymentPersonResolver {
  @FieldResolver(() => [EmploymentMeasure], { description: "就业扶贫: the person's employment measures, in ID order." })
  employmentMeasures(@Root() person: PersonKey, @Ctx() ctx: SubgraphContext): Promise<EmploymentMeasure[]> {
    return ctx.loaders.get(measuresByPerson).load(person.id);
  }
}
