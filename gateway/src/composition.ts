import { composeServices, type ServiceDefinition } from '@theguild/federation-composition';
import { GraphQLError, parse } from 'graphql';
import { deriveSectorViewSdl, SECTOR_VIEW_NAME, SECTOR_VIEW_URL } from './sector-view';

// The compose command needs these three too; re-exported so the composition API is one import.
export { loadServiceList, type ServiceEntry, type LoadServiceListOptions } from './service-list';
export { fetchLiveSdl, readSdlFile } from './sdl-sources';

export interface ServiceSdl {
  name: string;
  url: string;
  typeDefs: string;
}

export type CompositionOutcome =
  /** `derived`: subgraphs the platform added (the sector view). */
  | { ok: true; supergraphSdl: string; publicSdl: string; derived: string[] }
  | { ok: false; errors: string[] };

/** `[CODE] message (at line:col in "subgraph")`: the code makes errors greppable in the docs. */
function formatError(err: GraphQLError, subgraph?: string): string {
  const code = typeof err.extensions?.code === 'string' ? `[${err.extensions.code}] ` : '';
  const loc = err.locations?.[0];
  const where = subgraph ? ` (subgraph "${subgraph}"${loc ? `, line ${loc.line}:${loc.column}` : ''})` : '';
  return `${code}${err.message}${where}`;
}

/**
 * The platform's sector view joins whenever the subgraphs originate the assistance entities; its
 * SDL is derived from theirs (sector-view/derive.ts), so it is never published by hand.
 */
function addSectorView(definitions: ServiceDefinition[]): string[] {
  if (definitions.some((d) => d.name === SECTOR_VIEW_NAME)) return [];
  const sdl = deriveSectorViewSdl(definitions.map((d) => d.typeDefs));
  if (!sdl) return [];
  definitions.push({ name: SECTOR_VIEW_NAME, url: SECTOR_VIEW_URL, typeDefs: parse(sdl) });
  return [SECTOR_VIEW_NAME];
}

/**
 * Composes Federation 2 subgraph SDLs into a supergraph. Never throws for bad input: syntax
 * errors and composition errors come back as messages, each naming the subgraph(s) involved
 * (federation-composition already names them in its messages; syntax errors we tag ourselves).
 */
export function composeSupergraph(services: ServiceSdl[]): CompositionOutcome {
  if (services.length === 0) return { ok: false, errors: ['No subgraphs to compose'] };

  const errors: string[] = [];
  const seen = new Set<string>();
  const definitions: ServiceDefinition[] = [];
  for (const s of services) {
    if (seen.has(s.name)) errors.push(`Subgraph name "${s.name}" is used twice`);
    seen.add(s.name);
    try {
      definitions.push({ name: s.name, url: s.url, typeDefs: parse(s.typeDefs) });
    } catch (err) {
      errors.push(
        err instanceof GraphQLError
          ? `SDL syntax error: ${formatError(err, s.name)}`
          : `SDL of subgraph "${s.name}" cannot be parsed: ${(err as Error).message}`,
      );
    }
  }
  if (errors.length) return { ok: false, errors };
  const derived = addSectorView(definitions);

  let result: ReturnType<typeof composeServices>;
  try {
    result = composeServices(definitions);
  } catch (err) {
    // Defensive: the library reports problems as errors, but a crash must not escape as a stack trace.
    return { ok: false, errors: [`Composition crashed: ${(err as Error).message}`] };
  }
  if (result.errors) return { ok: false, errors: result.errors.map((e) => formatError(e)) };
  return { ok: true, supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl, derived };
}
