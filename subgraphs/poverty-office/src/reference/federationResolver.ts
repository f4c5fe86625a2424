import { Arg, Ctx, Directive, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { In, IsNull, Not } from 'typeorm';
import { runIdempotent, SubgraphContext } from '@saf/kit';
import { Department } from './entities';
import { assertMayRecordFederation, recordFederation } from './federation';
import { forgetDutyMatrix } from './loaders';

@InputType({ description: 'A department with a subgraph in the federation, as the schema registry serves it.' })
@Directive('@inaccessible')
export class FederationMemberInput {
  @Field(() => String, { description: 'The duty-matrix code, e.g. HUMAN_RESOURCES_SOCIAL_SECURITY.' })
  department: string;

  @Field(() => String, { description: "The subgraph's name in the supergraph, e.g. employment." })
  subgraph: string;
}

@ObjectType({ description: 'The federation as recorded in the duty matrix.' })
@Directive('@inaccessible')
export class FederationPayload {
  @Field(() => [Department], { description: 'Every department that now has a subgraph, by code.' })
  federated: Department[];

  @Field(() => [Department], { description: 'The departments whose subgraph this request set, changed or cleared, by code.' })
  changed: Department[];

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

/**
 * The schema registry's write into the duty matrix. @inaccessible: it is not part of the gateway's
 * API, so only a holder of the gateway's signing secret (the registry, signing as a national
 * poverty-office officer) reaches it, and a department's subgraph is what makes it federated.
 */
@Resolver()
export class FederationMutationResolver {
  @Directive('@inaccessible')
  @Mutation(() => FederationPayload, {
    description:
      'Records which departments have a subgraph: sets Department.subgraph for the listed ones and clears it for every other, in one transaction. ' +
      'Called by the schema registry after every supergraph version it serves (publish or rollback).',
  })
  async recordFederation(
    @Arg('members', () => [FederationMemberInput]) members: FederationMemberInput[],
    @Arg('idempotencyKey', () => String, { description: 'A client-chosen key (8–200 characters); the registry sends one per call.' }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FederationPayload> {
    assertMayRecordFederation(ctx.identity);
    const input = members.map((m) => ({ department: m.department, subgraph: m.subgraph }));
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordFederation', input }, (tx) => recordFederation(tx, input));
    // After the commit: this process's next duty-matrix read sees the change.
    forgetDutyMatrix(ctx.db);
    const departments = ctx.db.getRepository(Department);
    const [federated, changed] = await Promise.all([
      departments.find({ where: { subgraph: Not(IsNull()) }, order: { code: 'ASC' } }),
      departments.find({ where: { code: In(result) }, order: { code: 'ASC' } }),
    ]);
    return { federated, changed, replayed };
  }
}
