import { Kind, type DocumentNode } from 'graphql';

/** One subgraph as a supergraph names it: `join__Graph` enum value, subgraph name and URL. */
export interface JoinGraph {
  /** The enum value (e.g. CIVIL_AFFAIRS) that join__field/join__type directives refer to. */
  key: string;
  name: string;
  url: string;
}

/** The subgraphs of a composed supergraph, read from its join__Graph enum (URLs as composed, before overrides). */
export function joinGraphsOf(supergraph: DocumentNode): JoinGraph[] {
  const graphs: JoinGraph[] = [];
  for (const def of supergraph.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (name: string) => directive?.arguments?.find((a) => a.name.value === name)?.value;
      const name = arg('name');
      const url = arg('url');
      if (name?.kind === Kind.STRING && url?.kind === Kind.STRING) graphs.push({ key: value.name.value, name: name.value, url: url.value });
    }
  }
  return graphs;
}
