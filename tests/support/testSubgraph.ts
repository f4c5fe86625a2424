import DataLoader from 'dataloader';
import { Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { DepartmentDefinition, HouseholdIdScalar, LoaderFactory, MoneyScalar, oneByKey, SubgraphContext } from '@saf/kit';

/**
 * A complete (tiny) department on the kit: its own table, an extension of Household, one root
 * query. The end-to-end tests use it as a second subgraph, and stop it to see partial results.
 */
class DibaoTable1700000000001 implements MigrationInterface {
  name = 'DibaoTable1700000000001';
  async up(q: QueryRunner) {
    await q.query('CREATE TABLE dibao (household_id text PRIMARY KEY, monthly_fen bigint NOT NULL)');
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE dibao');
  }
}

@ObjectType()
@Directive('@key(fields: "id")')
class Household {
  @Field(() => HouseholdIdScalar)
  id: string;
}

const monthlyByHousehold: LoaderFactory<string, { household_id: string; monthly_fen: number } | null> = (db) =>
  new DataLoader(async (ids) => oneByKey(ids, await db.query('SELECT * FROM dibao WHERE household_id = ANY($1)', [ids]), (r) => r.household_id));

@Resolver(() => Household)
class DibaoResolver {
  @Query(() => Int)
  dibaoHouseholdCount(@Ctx() ctx: SubgraphContext): Promise<number> {
    return ctx.db.query('SELECT count(*)::int AS n FROM dibao').then((rows) => rows[0].n);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Monthly dibao payment.' })
  async dibaoMonthly(@Root() household: Household, @Ctx() ctx: SubgraphContext): Promise<number | null> {
    return (await ctx.loaders.get(monthlyByHousehold).load(household.id))?.monthly_fen ?? null;
  }
}

export const testDibaoDepartment: DepartmentDefinition = {
  name: 'test-dibao',
  defaultPort: 0,
  resolvers: [DibaoResolver],
  entities: [],
  migrations: [DibaoTable1700000000001],
  referenceResolvers: { Household: { __resolveReference: (ref) => ({ id: ref.id }) } },
};
