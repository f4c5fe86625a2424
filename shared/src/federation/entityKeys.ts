import { Directive, Field, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, PersonIdScalar } from '../scalars';

/**
 * The register's entities as the other departments see them: only the key. A department extends
 * them with its own fields through `@Resolver(() => HouseholdKey)` field resolvers; the poverty
 * office owns the rest. The GraphQL type names are the owner's: Household and Person. They need no
 * reference resolver: @apollo/subgraph hands the representation ({ id }) to the field resolvers, and
 * a department's fields on a household it has no records for resolve to null or [].
 *
 * Each department calls this once, in its own module: type-graphql attaches field resolvers to the
 * class, so one shared class would carry every department's fields into every department's schema
 * whenever several departments are loaded in one process (tests, tools).
 */
export function defineRegisterKeys() {
  @ObjectType('Household', { description: 'A registered household (owned by the poverty office).' })
  @Directive('@key(fields: "id")')
  class HouseholdKey {
    @Field(() => HouseholdIdScalar)
    id: string;
  }

  @ObjectType('Person', { description: 'A person of the register (owned by the poverty office).' })
  @Directive('@key(fields: "id")')
  class PersonKey {
    @Field(() => PersonIdScalar)
    id: string;
  }

  return { HouseholdKey, PersonKey };
}

/** The key-only entity types, for type annotations: `@Root() household: RegisterKey`. */
export interface RegisterKey {
  id: string;
}

