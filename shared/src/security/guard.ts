import {
  defaultFieldResolver,
  getNamedType,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLInputObjectType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  GraphQLOutputType,
} from 'graphql';
import type { Identity } from './identity';
import { getsSuppressedCells, seesPersonalData } from './identity';
import { AggregateCells, isSmallCell, KIT_AGGREGATE_CELLS } from './suppression';
import { maskPersonal, PersonalFields, PersonalKind } from './masking';
import { assertInScope, inScope, outOfScope, scopedRegionPrefix } from './scope';
import { assertMayWrite } from './writes';
import type { AuditTrail } from './audit';

/** What the guard needs from a request's context. */
interface GuardedContext {
  identity: Identity;
  audit: AuditTrail;
}

type Resolver = GraphQLFieldResolver<unknown, GuardedContext>;

const ID_PATTERN = /^[0-9]{16}(-[0-9]{2})?$/;
const ID_ARGUMENT = /(^|[a-z])(householdId|personId|householdIds|personIds)$/i;
const REGION_ARGUMENT = 'regionPrefix';

/**
 * The household (or person) an object belongs to: its `householdId`, else an `id` that is a
 * household or person ID (Household, Person). Null for objects that belong to no household.
 */
function ownerOf(value: unknown): string | null {
  if (value == null || typeof value !== 'object') return typeof value === 'string' && ID_PATTERN.test(value) ? value : null;
  const record = value as { householdId?: unknown; id?: unknown };
  if (typeof record.householdId === 'string') return record.householdId;
  if (typeof record.id === 'string' && ID_PATTERN.test(record.id)) return record.id;
  return null;
}

/** Household-bearing types: objects with a householdId field, Household, Person, and the ID scalars. */
function bearsHousehold(type: GraphQLNamedType): boolean {
  if (isScalarType(type)) return type.name === 'HouseholdId' || type.name === 'PersonId';
  if (!isObjectType(type)) return false;
  return type.name === 'Household' || type.name === 'Person' || 'householdId' in type.getFields();
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

const then = <T>(value: T | Promise<T>, next: (v: T) => unknown): unknown =>
  value instanceof Promise ? value.then(next) : next(value as T);

/**
 * Applies the access rules of issue 6 to a subgraph's schema, in place, so that every department
 * enforces them the same way whatever its resolvers do (defence in depth: the gateway checks too):
 *
 * - mutations: only the department's own officers (before any register check or validation);
 * - root fields: a `regionPrefix` argument (top-level or in `filter`) defaults to the caller's
 *   region and must lie inside it; household and person ID arguments must lie inside it;
 * - every field returning household data drops (lists) or refuses (single values) what lies
 *   outside the caller's region, `_entities` answers null for it;
 * - personal fields are masked for roles that may not see them, and every read is audited;
 * - aggregate cells of fewer than 5 households are suppressed for analysts and dashboards.
 */
export function guardSchema(schema: GraphQLSchema, department: string, rules: { personal?: PersonalFields; cells?: AggregateCells } = {}): void {
  const personal = rules.personal ?? {};
  const cells = { ...KIT_AGGREGATE_CELLS, ...rules.cells };
  for (const [typeName, fields] of Object.entries(personal)) {
    for (const fieldName of Object.keys(fields)) assertField(schema, department, typeName, fieldName);
  }
  for (const [typeName, cell] of Object.entries(cells)) {
    if (!schema.getType(typeName)) continue; // a kit type this subgraph does not use
    for (const fieldName of [...cell.counts, ...(cell.hide ?? [])]) assertField(schema, department, typeName, fieldName);
  }
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.name === '_service') continue;
      guardArguments(field, root === schema.getMutationType() ? department : null, root === schema.getSubscriptionType());
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const root = type === schema.getQueryType();
      if (root && field.name === '_entities') guardEntities(field);
      // Root fields are checked whatever their type says: a record may carry householdId without exposing it.
      else if ((root && field.name !== '_service') || bearsHousehold(getNamedType(field.type))) guardResult(field);
      const kind = personal[type.name]?.[field.name];
      if (kind) guardPersonal(type, field, kind);
      const cell = cells[type.name];
      if (cell && (field.name === 'suppressed' || cell.counts.includes(field.name) || cell.hide?.includes(field.name))) guardCell(field, cell.counts);
    }
  }
}

function assertField(schema: GraphQLSchema, department: string, typeName: string, fieldName: string): void {
  const type = schema.getType(typeName);
  if (!isObjectType(type) || !type.getFields()[fieldName]) throw new Error(`${department}: ${typeName}.${fieldName} (personal field or aggregate cell) is not in the schema`);
}

/** Small-cell suppression: the cell's counts and what goes with them are null, `suppressed` true. */
function guardCell(field: GraphQLField<unknown, GuardedContext>, counts: string[]): void {
  const original: Resolver = field.resolve ?? defaultFieldResolver;
  const flag = field.name === 'suppressed';
  field.resolve = (source, args, ctx, info) => {
    const small = getsSuppressedCells(ctx.identity) && counts.some((c) => isSmallCell((source as Record<string, number | null>)[c]));
    if (flag) return small || original(source, args, ctx, info) === true;
    return small ? null : original(source, args, ctx, info);
  };
}

function guardArguments(field: GraphQLField<unknown, GuardedContext>, writesFor: string | null, subscription: boolean): void {
  const regionAt = regionArgumentPath(field);
  const check = (args: Record<string, unknown>, ctx: GuardedContext) => {
    if (writesFor) assertMayWrite(ctx.identity, writesFor);
    if (regionAt) defaultRegion(ctx.identity, args, regionAt);
    checkArguments(ctx.identity, args, 0);
  };
  // A subscription's arguments are checked once, when it starts (its resolve runs per event).
  // A refusal is delivered as the stream's one event: a gateway relays errors inside a stream,
  // while a stream that fails to start reaches its client only as "Unexpected error".
  if (subscription && field.subscribe) {
    const subscribe = field.subscribe;
    const resolve: Resolver = field.resolve ?? ((payload) => payload);
    field.subscribe = async (source, args, ctx, info) => {
      try {
        check(args, ctx);
        return await subscribe(source, args, ctx, info);
      } catch (error) {
        return refusalStream(error);
      }
    };
    field.resolve = (payload, args, ctx, info) => {
      if (payload instanceof Refusal) throw payload.error;
      return resolve(payload, args, ctx, info);
    };
    return;
  }
  const original: Resolver = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, ctx, info) => {
    check(args, ctx);
    return original(source, args, ctx, info);
  };
}

class Refusal {
  constructor(readonly error: unknown) {}
}

async function* refusalStream(error: unknown): AsyncGenerator<Refusal> {
  yield new Refusal(error);
}

/** Where a field takes a region prefix: `regionPrefix` or `filter.regionPrefix`. */
function regionArgumentPath(field: GraphQLField<unknown, GuardedContext>): string[] | null {
  for (const arg of field.args) {
    if (arg.name === REGION_ARGUMENT) return [REGION_ARGUMENT];
    const input = getNamedType(arg.type);
    if (isInputObjectType(input) && REGION_ARGUMENT in (input as GraphQLInputObjectType).getFields()) return [arg.name, REGION_ARGUMENT];
  }
  return null;
}

/** An omitted region prefix means the caller's region. */
function defaultRegion(identity: Identity, args: Record<string, unknown>, path: string[]): void {
  if (!identity.region) return;
  if (path.length === 1) {
    if (args[path[0]] == null) args[path[0]] = identity.region;
    return;
  }
  const holder = (args[path[0]] ?? (args[path[0]] = {})) as Record<string, unknown>;
  if (holder[path[1]] == null) holder[path[1]] = identity.region;
}

/** Region prefixes and household or person IDs anywhere in the arguments must be the caller's. */
function checkArguments(identity: Identity, value: unknown, depth: number, path = ''): void {
  if (value == null || typeof value !== 'object' || depth > 4) return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const field = path ? `${path}.${key}` : key;
    if (key === REGION_ARGUMENT && typeof v === 'string') scopedRegionPrefix(identity, v, field);
    else if (ID_ARGUMENT.test(key) && typeof v === 'string') assertInScope(identity, v, field);
    else if (ID_ARGUMENT.test(key) && Array.isArray(v)) v.forEach((id) => typeof id === 'string' && assertInScope(identity, id, field));
    else if (typeof v === 'object') checkArguments(identity, v, depth + 1, field);
  }
}

function guardResult(field: GraphQLField<unknown, GuardedContext>): void {
  const original: Resolver = field.resolve ?? defaultFieldResolver;
  const list = isList(field.type);
  field.resolve = (source, args, ctx, info) =>
    then(original(source, args, ctx, info), (value) => {
      if (value == null) return value;
      if (list && Array.isArray(value)) {
        return value.filter((item) => {
          const owner = ownerOf(item);
          return owner === null || inScope(ctx.identity, owner);
        });
      }
      const owner = ownerOf(value);
      if (owner !== null && !inScope(ctx.identity, owner)) throw outOfScope(ctx.identity, `${info.parentType.name}.${info.fieldName} of ${owner}`);
      return value;
    });
}

/**
 * Entity lookups keep their positions: a representation outside the region, or an entity found
 * to belong to a household outside it (records keyed by their own ID), resolves to null.
 */
function guardEntities(field: GraphQLField<unknown, GuardedContext>): void {
  const original: Resolver = field.resolve ?? defaultFieldResolver;
  const inside = (identity: Identity, value: unknown) => {
    const owner = ownerOf(value);
    return owner === null || inScope(identity, owner);
  };
  field.resolve = (source, args, ctx, info) => {
    const representations = (args as { representations: unknown[] }).representations;
    const asked = representations.map((r) => inside(ctx.identity, r));
    const allowed = asked.every(Boolean) ? args : { ...args, representations: representations.filter((_, i) => asked[i]) };
    return then(original(source, allowed, ctx, info), (found) => {
      const results = found as unknown[];
      let next = 0;
      return asked.map((ok) => (ok ? then(results[next++], (entity) => (inside(ctx.identity, entity) ? entity : null)) : null));
    });
  };
}

function guardPersonal(type: GraphQLObjectType, field: GraphQLField<unknown, GuardedContext>, kind: PersonalKind): void {
  const original: Resolver = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, ctx, info) =>
    then(original(source, args, ctx, info), (value) => {
      const masked = !seesPersonalData(ctx.identity);
      const record = source as { id?: unknown; householdId?: unknown; personId?: unknown };
      const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
      ctx.audit.noteRead(
        type.name,
        {
          recordId: id,
          householdId: typeof record.householdId === 'string' ? record.householdId : type.name === 'Household' ? id : null,
          personId: typeof record.personId === 'string' ? record.personId : type.name === 'Person' ? id : null,
        },
        field.name,
        masked,
      );
      return masked ? maskPersonal(kind, value) : value;
    });
}
