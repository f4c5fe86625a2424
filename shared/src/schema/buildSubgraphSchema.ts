import { buildSubgraphSchema, GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { SubgraphContext } from '../context';
import { AssistanceParts } from '../assistance/types';

/** Federation directives every subgraph may use (v2.6 adds @policy; v2.5 @authenticated, @requiresScopes). */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@interfaceObject", "@authenticated", "@requiresScopes", "@policy"])';

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/ban-types
  resolvers: NonEmptyArray<Function>;
  /** `__resolveReference` per entity type: how the gateway's representations become objects. */
  referenceResolvers?: Record<string, { __resolveReference(reference: Record<string, unknown>, ctx: SubgraphContext): unknown }>;
  // eslint-disable-next-line @typescript-eslint/ban-types
  orphanedTypes?: Function[];
}

/**
 * type-graphql builds the types and resolvers; @apollo/subgraph adds `_service`, `_entities` and
 * the Federation 2 `@link`. The SDL is printed with directives so that `@key` survives.
 */
export async function buildDepartmentSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: [...(options.orphanedTypes ?? []), ...resolvedObjectTypes(options.resolvers), AssistanceParts],
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<SubgraphContext>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<SubgraphContext>[string];
  }
  return buildSubgraphSchema([{ typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`), resolvers }]);
}

/**
 * The object types the resolvers extend. An entity that a department only extends (Household in
 * the education subgraph) is reachable from none of its queries, so type-graphql would drop it.
 */
// eslint-disable-next-line @typescript-eslint/ban-types
function resolvedObjectTypes(resolvers: readonly Function[]): Function[] {
  return getMetadataStorage()
    .resolverClasses.filter((meta) => resolvers.includes(meta.target))
    .map((meta) => {
      try {
        return meta.getObjectType();
      } catch {
        return undefined; // a @Resolver() without a type (mutations only)
      }
    })
    // eslint-disable-next-line @typescript-eslint/ban-types
    .filter((type): type is Function => typeof type === 'function');
}
