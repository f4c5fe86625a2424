import { buildSubgraphSchema, GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, isObjectType, parse } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { SubgraphContext } from '../context';
import { AssistanceParts } from '../assistance/types';
import { AggregateCells, auditQueryResolver, guardSchema, PersonalFields, personalNote } from '../security';
import { liveSubscription } from '../live/schema';

/** Federation directives every subgraph may use (v2.6 adds @policy; v2.5 @authenticated, @requiresScopes). */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@interfaceObject", "@authenticated", "@requiresScopes", "@policy"])';

export interface SubgraphSchemaOptions {
  /** The department (folder name): names its `<department>AuditEvents` query, `<department>Changes` subscription and write rule. */
  name?: string;
  /** The personal fields, `{ Type: { field: kind } }`: masked by role and audited on every read. */
  personalFields?: PersonalFields;
  /** The department's own aggregate types with household counts, suppressed in small cells (the kit's are built in). */
  aggregateCells?: AggregateCells;
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
  const department = options.name ?? 'unnamed';
  // A department gets its audit query; a bare schema (tests' toy subgraphs) has no name to give it.
  const schema = await buildSchema({
    resolvers: options.name ? [...options.resolvers, auditQueryResolver(options.name)] : options.resolvers,
    orphanedTypes: [...(options.orphanedTypes ?? []), ...resolvedObjectTypes(options.resolvers), AssistanceParts],
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  notePersonalFields(schema, options.personalFields ?? {});
  scopeMutationsToOfficers(schema);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<SubgraphContext>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<SubgraphContext>[string];
  }
  let sdl = `${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`;
  if (options.name) {
    // Issue 7: `<department>Changes`, the department's changes over graphql-ws (live/).
    const live = liveSubscription(options.name, schema, options.referenceResolvers);
    sdl += `\n${live.typeDefs}`;
    for (const [typeName, typeResolvers] of Object.entries(live.resolvers)) {
      resolvers[typeName] = { ...(resolvers[typeName] as object), ...(typeResolvers as object) } as GraphQLResolverMap<SubgraphContext>[string];
    }
  }
  const subgraph = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  guardSchema(subgraph, department, { personal: options.personalFields, cells: options.aggregateCells });
  return subgraph;
}

/**
 * Only department officers write: `@requiresScopes` on every mutation puts the rule in the SDL and
 * the supergraph, where the gateway enforces it too (the guard checks the department as well).
 */
function scopeMutationsToOfficers(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const directives = (field.extensions?.directives ?? {}) as Record<string, unknown>;
    field.extensions = { ...field.extensions, directives: { ...directives, requiresScopes: { scopes: [['department_officer']] } } };
  }
}

/** Personal fields say so in their description, so the rule shows in the SDL and the supergraph. */
function notePersonalFields(schema: GraphQLSchema, personal: PersonalFields): void {
  for (const [typeName, fields] of Object.entries(personal)) {
    const type = schema.getType(typeName);
    for (const [fieldName, kind] of Object.entries(fields)) {
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      if (field) field.description = field.description ? `${field.description}\n\n${personalNote(kind)}` : personalNote(kind);
    }
  }
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
