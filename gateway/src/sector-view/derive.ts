import {
  Kind,
  parse,
  print,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type TypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import { REPORTS_SDL } from './reports.sdl';

/**
 * The sector view is a subgraph the platform derives from the departments' subgraphs: it reads
 * every department's contribution to an area (fields of type DepartmentContribution on
 * AreaAssistance) and every exit predicate (fields of type Predicate on ExitAssessment) through
 * `@requires`, and adds the fields that need all of them: an area's coverage status and
 * contributions, and whether a household may start the exit procedure.
 *
 * Federation lets one field have one resolver for every instance, so the status of the HEALTH
 * area and of the EDUCATION area cannot come from two departments' resolvers. The departments keep
 * their rules (each lead's verdict); the sector view only applies the generic composition. Its
 * SDL is derived again at every composition, so a department that adds a contribution field
 * appears in the view without anyone editing another subgraph.
 */

export const SECTOR_VIEW_NAME = 'sector-view';
/** Served inside the gateway process (see inProcess.ts); the host never resolves. */
export const SECTOR_VIEW_URL = 'http://sector-view.internal/graphql';

export const AREA_TYPE = 'AreaAssistance';
export const EXIT_TYPE = 'ExitAssessment';
export const CONTRIBUTION_TYPE = 'DepartmentContribution';
export const PREDICATE_TYPE = 'Predicate';

/** Fields the sector view itself adds; never read as a department's part. */
export const AREA_VIEW_FIELDS = ['contributions', 'status', 'statusReason'] as const;
export const EXIT_VIEW_FIELDS = ['predicates', 'blockers', 'mayStartExit'] as const;

/** Kit types the reports reuse (declared by every department). */
const REPORT_TYPES = ['AssistanceParts', 'MeasureTotal', 'RegionGrouping', 'LocalDate', 'Money', 'PersonId', 'HouseholdId'];

/** What the sector view reads: the department fields found in the composed subgraphs. */
export interface SectorViewInputs {
  contributionFields: string[];
  predicateFields: string[];
}

type Definitions = Map<string, TypeDefinitionNode>;

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function collectDefinitions(documents: DocumentNode[]): { types: Definitions; fieldsOf: Map<string, FieldDefinitionNode[]> } {
  const types: Definitions = new Map();
  const fieldsOf = new Map<string, FieldDefinitionNode[]>();
  for (const doc of documents) {
    for (const def of doc.definitions) {
      if (!isTypeDefinition(def)) continue;
      if (!types.has(def.name.value)) types.set(def.name.value, def);
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION) {
        const list = fieldsOf.get(def.name.value) ?? [];
        for (const f of def.fields ?? []) if (!list.some((g) => g.name.value === f.name.value)) list.push(f);
        fieldsOf.set(def.name.value, list);
      }
    }
  }
  return { types, fieldsOf };
}

function isTypeDefinition(def: DefinitionNode): def is TypeDefinitionNode {
  return (
    def.kind === Kind.OBJECT_TYPE_DEFINITION ||
    def.kind === Kind.ENUM_TYPE_DEFINITION ||
    def.kind === Kind.SCALAR_TYPE_DEFINITION ||
    def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
    def.kind === Kind.UNION_TYPE_DEFINITION ||
    def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
  );
}

/** Department fields of a given type on an entity, in name order (excluding the view's own). */
function partFields(fieldsOf: Map<string, FieldDefinitionNode[]>, entity: string, partType: string, own: readonly string[]): string[] {
  return (fieldsOf.get(entity) ?? [])
    .filter((f) => namedType(f.type) === partType && !own.includes(f.name.value) && f.type.kind !== Kind.LIST_TYPE && !(f.type.kind === Kind.NON_NULL_TYPE && f.type.type.kind === Kind.LIST_TYPE))
    .map((f) => f.name.value)
    .sort();
}

export function findSectorViewInputs(documents: DocumentNode[]): SectorViewInputs {
  const { fieldsOf } = collectDefinitions(documents);
  return {
    contributionFields: partFields(fieldsOf, AREA_TYPE, CONTRIBUTION_TYPE, AREA_VIEW_FIELDS),
    predicateFields: partFields(fieldsOf, EXIT_TYPE, PREDICATE_TYPE, EXIT_VIEW_FIELDS),
  };
}

/** A copy of a type definition without directives or extensions' markers, for re-declaration. */
function bare(def: TypeDefinitionNode): TypeDefinitionNode {
  const strip = <T extends { directives?: readonly unknown[] }>(node: T): T => ({ ...node, directives: [] });
  switch (def.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
      return { ...strip(def), interfaces: [], fields: def.fields?.map((f) => ({ ...strip(f), arguments: f.arguments?.map(strip) })) };
    case Kind.ENUM_TYPE_DEFINITION:
      return { ...strip(def), values: def.values?.filter((v) => !v.directives?.some((d) => d.name.value === 'inaccessible')).map(strip) };
    default:
      return strip(def);
  }
}

/** Every type a value type reaches (itself included), in a stable order. */
function reachable(types: Definitions, roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !types.has(name)) return;
    seen.add(name);
    const def = types.get(name)!;
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION) for (const f of def.fields ?? []) visit(namedType(f.type));
  };
  roots.forEach(visit);
  return [...seen].sort();
}

/** `{ a b { c } }`: every field of a value type, so @requires hands the whole value over. */
export function fullSelection(types: Definitions, typeName: string): string {
  const def = types.get(typeName);
  if (!def || def.kind !== Kind.OBJECT_TYPE_DEFINITION) return '';
  const parts = (def.fields ?? []).map((f) => {
    const sub = fullSelection(types, namedType(f.type));
    return sub ? `${f.name.value} ${sub}` : f.name.value;
  });
  return `{ ${parts.join(' ')} }`;
}

function withShareable(def: TypeDefinitionNode): string {
  const text = print(bare(def));
  const marks = def.name.value === 'AssistanceParts' ? '@shareable @inaccessible' : '@shareable';
  return def.kind === Kind.OBJECT_TYPE_DEFINITION ? text.replace(/^(\s*(?:"""[\s\S]*?"""\s*|"[^"\n]*"\s*)?type \w+)/, `$1 ${marks}`) : text;
}

/**
 * The sector view's SDL for a set of subgraph SDLs (or a supergraph), or null when no subgraph
 * originates the two entities (a partial platform, a test fixture).
 */
export function deriveSectorViewSdl(documents: DocumentNode[]): string | null {
  const { types, fieldsOf } = collectDefinitions(documents);
  const area = fieldsOf.get(AREA_TYPE);
  const exit = fieldsOf.get(EXIT_TYPE);
  if (!area || !exit || REPORT_TYPES.some((t) => !types.has(t))) return null;
  const inputs = findSectorViewInputs(documents);

  const keyFields = (entity: string, names: string[]) =>
    names.map((name) => (fieldsOf.get(entity) ?? []).find((f) => f.name.value === name)).filter((f): f is FieldDefinitionNode => !!f);
  const areaKeys = keyFields(AREA_TYPE, ['householdId', 'area', 'year']);
  const exitKeys = keyFields(EXIT_TYPE, ['householdId', 'year']);
  if (areaKeys.length !== 3 || exitKeys.length !== 2) return null;

  const contribution = fullSelection(types, CONTRIBUTION_TYPE);
  const predicate = fullSelection(types, PREDICATE_TYPE);
  const areaRequires = ['leadFederated', ...inputs.contributionFields.map((f) => `${f} ${contribution}`)].join(' ');
  const exitRequires = inputs.predicateFields.map((f) => `${f} ${predicate}`).join(' ');
  const keyTypes = [...areaKeys, ...exitKeys].map((f) => namedType(f.type));
  const valueTypes = reachable(types, [CONTRIBUTION_TYPE, PREDICATE_TYPE, ...REPORT_TYPES, ...keyTypes]).filter((n) => !['Int', 'String', 'Boolean', 'ID', 'Float'].includes(n));
  const fieldLine = (f: FieldDefinitionNode) => `  ${f.name.value}: ${print(f.type)}`;
  // External fields keep the type (and nullability) their owner gave them.
  const externals = (entity: string, names: string[]) =>
    keyFields(entity, names).map((f) => `${fieldLine(f)} @external`).join('\n');

  const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])

"""How far a household's need in a duty area is met (DESIGN.md §3)."""
enum CoverageStatus {
  """The household has no need in this area."""
  NOT_NEEDED
  """The lead's measure meets the need, with the supporting parts its rule expects."""
  COVERED
  """The need is not met, or a supporting part the lead expects is missing."""
  GAP
  """No department leading this area has a subgraph."""
  LEAD_NOT_FEDERATED
}

type AreaAssistance @key(fields: "householdId area year") {
${areaKeys.map(fieldLine).join('\n')}
${externals(AREA_TYPE, ['leadFederated'])}
${externals(AREA_TYPE, inputs.contributionFields)}
  """Every department's contribution to the area, lead first (computed by the platform's sector view)."""
  contributions: [${CONTRIBUTION_TYPE}!]! @requires(fields: ${JSON.stringify(areaRequires)})
  """Coverage by the area's rule: the lead's verdict, checked against the supporting parts it expects. Null with an error when the lead did not answer."""
  status: CoverageStatus @requires(fields: ${JSON.stringify(areaRequires)})
  """Why the status is what it is, in plain words."""
  statusReason: String @requires(fields: ${JSON.stringify(areaRequires)})
}

type ExitAssessment @key(fields: "householdId year") {
${exitKeys.map(fieldLine).join('\n')}
${externals(EXIT_TYPE, inputs.predicateFields)}
  """Every predicate of the exit rule, in the order of reference/domain.md §3.1; one a department did not answer is NOT_MET."""
  predicates: [${PREDICATE_TYPE}!]!${exitRequires ? ` @requires(fields: ${JSON.stringify(exitRequires)})` : ''}
  """The predicates that are NOT_MET: what keeps the household from starting the exit procedure."""
  blockers: [${PREDICATE_TYPE}!]!${exitRequires ? ` @requires(fields: ${JSON.stringify(exitRequires)})` : ''}
  """True when every predicate is MET or NOT_APPLICABLE (两不愁三保障): the household may start the exit procedure."""
  mayStartExit: Boolean!${exitRequires ? ` @requires(fields: ${JSON.stringify(exitRequires)})` : ''}
}

${valueTypes.map((n) => withShareable(types.get(n)!)).join('\n\n')}

${REPORTS_SDL}
`;
  // Round-trip through the parser: a derivation bug fails here, not in the gateway.
  return print(parse(sdl));
}
