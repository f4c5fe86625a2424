import { Kind, type DocumentNode, type TypeNode } from 'graphql';

/**
 * The departments' aggregate root fields, found by their (kit) return type, so that a new
 * department's totals join the dashboards when it is published.
 */
export interface AggregateFeeds {
  /** Fields returning [ExitPredicateFailures!]!, with (regionPrefix, year). */
  exitFailures: string[];
  /** Fields returning [AreaCoverageTotal!]!, with AggregateArgs. */
  areaCoverage: string[];
  /** Fields returning [MeasureTotal!]!, with AggregateArgs. */
  measureTotals: string[];
}

const OWN_ROOT_FIELDS = new Set(['measureTotals', 'areaCoverage', 'exitReadiness']);

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

export function discoverFeeds(supergraph: DocumentNode): AggregateFeeds {
  const feeds: AggregateFeeds = { exitFailures: [], areaCoverage: [], measureTotals: [] };
  for (const def of supergraph.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || def.name.value !== 'Query') continue;
    for (const field of def.fields ?? []) {
      if (OWN_ROOT_FIELDS.has(field.name.value)) continue;
      const type = namedType(field.type);
      if (type === 'ExitPredicateFailures') feeds.exitFailures.push(field.name.value);
      else if (type === 'AreaCoverageTotal') feeds.areaCoverage.push(field.name.value);
      else if (type === 'MeasureTotal') feeds.measureTotals.push(field.name.value);
    }
  }
  for (const list of Object.values(feeds)) list.sort();
  return feeds;
}

/** One query with an aliased copy of a root field per feed. */
export function fanOutQuery(fields: string[], args: string, selection: string, variables: string): string {
  const parts = fields.map((f, i) => `f${i}: ${f}(${args}) ${selection}`);
  return `query SectorViewFanOut(${variables}) { ${parts.join(' ')} }`;
}

/** The fanned-out lists, concatenated in feed order. */
export function collect<T>(data: Record<string, T[] | null> | null | undefined, count: number): T[] {
  const rows: T[] = [];
  for (let i = 0; i < count; i++) rows.push(...(data?.[`f${i}`] ?? []));
  return rows;
}
