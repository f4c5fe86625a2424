import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphContext } from '../context';
import { ErrorCode, userError } from '../errors';
import { isValidRegionPrefix } from '../identity';
import { Loaders } from '../loaders';
import { HouseholdIdScalar, PersonIdScalar } from '../scalars';
import { scopedRegionPrefix } from '../security/scope';
import type { ChangeKind } from '../changes';
import { changeHubOf } from './hub';
import type { Delivery } from './stream';

/** 'civil-affairs' → 'civilAffairsChanges'. */
export function liveFieldName(department: string): string {
  return `${department.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Changes`;
}

const MAX_RECORD_NAMES = 50;

const KIND_SDL = `
"""How a record changed."""
enum ChangeKind {
  CREATED
  """Also every household a bulk load wrote rows for (one change per household and record type)."""
  UPDATED
  REMOVED
}`;

const RECORD_CHANGE_SDL = `
"""
A change to one of a department's records, as its subgraph publishes it over graphql-ws (issue 7).
Only changes inside the subscriber's region scope are sent; personal fields reached through
\`household\` and \`person\` are masked as in queries.
"""
type RecordChange @shareable {
  """change_event.id: increases with every change the department records (commits may interleave)."""
  sequence: ID!
  """The department that wrote, e.g. 'civil-affairs'."""
  department: String!
  """The record type, e.g. 'DibaoEnrolment'."""
  record: String!
  """The record's ID; for a bulk load, the household's ID (all its records of that type)."""
  recordId: ID!
  kind: ChangeKind!
  """When, as an ISO 8601 timestamp (the writing transaction's time)."""
  at: String!
  householdId: HouseholdId
  personId: PersonId
  """The household, for fields from any department (the gateway resolves them per change)."""
  household: Household
  person: Person
  """
  How many of this subscription's changes were dropped before this one (a slow reader past
  LIVE_QUEUE_LIMIT waiting changes, or the subgraph's listener reconnecting): re-query if not 0.
  """
  missed: Int!
}`;

type ReferenceResolvers = Record<string, { __resolveReference(reference: Record<string, unknown>, ctx: SubgraphContext): unknown }>;

/**
 * The department's change subscription, `<department>Changes`, with the kit's RecordChange and
 * ChangeKind types, as SDL and resolvers to add to the subgraph schema built from its resolvers.
 * `household` and `person` are entity references, resolved by the department's own reference
 * resolver when it owns the type (the poverty office) and key-only types otherwise.
 */
export function liveSubscription(department: string, built: GraphQLSchema, referenceResolvers: ReferenceResolvers = {}): { typeDefs: string; resolvers: GraphQLResolverMap<SubgraphContext> } {
  const field = liveFieldName(department);
  const parts = [KIND_SDL, RECORD_CHANGE_SDL];
  const resolvers: GraphQLResolverMap<SubgraphContext> = {};
  for (const [scalar, type] of [['HouseholdId', HouseholdIdScalar], ['PersonId', PersonIdScalar]] as const) {
    if (built.getType(scalar)) continue;
    parts.push(`scalar ${scalar}`);
    resolvers[scalar] = type as unknown as GraphQLResolverMap<SubgraphContext>[string];
  }
  for (const [entity, key] of [['Household', 'HouseholdId'], ['Person', 'PersonId']]) {
    if (!built.getType(entity)) parts.push(`"""A ${entity.toLowerCase()} of the register (owned by the poverty office)."""\ntype ${entity} @key(fields: "id") {\n  id: ${key}!\n}`);
  }
  // The printed schema names its root types in a schema definition: the subscription joins them.
  if (!built.getSubscriptionType()) parts.push('extend schema {\n  subscription: Subscription\n}');
  parts.push(`
${built.getSubscriptionType() ? 'extend type' : 'type'} Subscription {
  """
  The ${department} department's changes as they are written: its mutations and bulk loads, inside
  your region scope. regionPrefix narrows it (default: your region); kinds and records filter
  (default: all). Changes that belong to no household or person reach national subscribers only.
  A refused subscription (a region outside your scope, a bad filter) sends one event, null with
  the error, and ends.
  """
  ${field}(regionPrefix: String, kinds: [ChangeKind!], records: [String!]): RecordChange
}`);

  const reference = (typeName: string, id: string, ctx: SubgraphContext) => {
    const owned = referenceResolvers[typeName];
    return owned ? owned.__resolveReference({ __typename: typeName, id }, ctx) : { __typename: typeName, id };
  };

  resolvers.Subscription = {
    [field]: {
      subscribe: (_source: unknown, args: ChangeArgs, ctx: SubgraphContext) => subscribeChanges(args, ctx),
      resolve: (delivery: Delivery, _args: unknown, ctx: SubgraphContext) => {
        // One context serves the whole subscription: each change reads through fresh loaders.
        ctx.loaders = new Loaders(ctx.db);
        return { ...delivery.change, missed: delivery.missed };
      },
    },
  } as unknown as GraphQLResolverMap<SubgraphContext>[string];
  resolvers.RecordChange = {
    household: (change: { householdId: string | null }, _args: unknown, ctx: SubgraphContext) => (change.householdId ? reference('Household', change.householdId, ctx) : null),
    person: (change: { personId: string | null }, _args: unknown, ctx: SubgraphContext) => (change.personId ? reference('Person', change.personId, ctx) : null),
  } as unknown as GraphQLResolverMap<SubgraphContext>[string];
  return { typeDefs: parts.join('\n'), resolvers };
}

interface ChangeArgs {
  regionPrefix?: string | null;
  kinds?: ChangeKind[] | null;
  records?: string[] | null;
}

/** Checks the arguments as a query's (region inside the caller's scope) and joins the hub. */
function subscribeChanges(args: ChangeArgs, ctx: SubgraphContext) {
  const requested = args.regionPrefix ?? null;
  if (requested !== null && requested !== '' && !isValidRegionPrefix(requested)) {
    throw userError(ErrorCode.INVALID_REGION_CODE, `Invalid regionPrefix "${requested}": expected the 2, 4, 6, 9 or 12-digit prefix of a region code`, { field: 'regionPrefix' });
  }
  const regionPrefix = scopedRegionPrefix(ctx.identity, requested) ?? '';
  if (args.kinds && args.kinds.length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'kinds must name at least one kind (omit it for all)', { field: 'kinds' });
  if (args.records) {
    if (args.records.length === 0 || args.records.length > MAX_RECORD_NAMES) {
      throw userError(ErrorCode.BAD_USER_INPUT, `records must name 1 to ${MAX_RECORD_NAMES} record types (omit it for all)`, { field: 'records' });
    }
    if (args.records.some((r) => !/^[A-Z][A-Za-z0-9]{0,79}$/.test(r))) throw userError(ErrorCode.BAD_USER_INPUT, 'records are type names such as DibaoEnrolment', { field: 'records' });
  }
  const hub = changeHubOf(ctx.db);
  if (!hub) throw userError(ErrorCode.INTERNAL_SERVER_ERROR, 'live updates are not running in this subgraph');
  return hub.subscribe({
    identity: ctx.identity,
    regionPrefix,
    kinds: args.kinds ? new Set(args.kinds) : null,
    records: args.records ? new Set(args.records) : null,
  });
}
