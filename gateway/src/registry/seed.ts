import { loadServiceList, readSdlFile, type LoadServiceListOptions } from '../composition';
import { composeMembers } from './compose';
import { RegistryError } from './errors';
import { sha256, type RegistryStore } from './store';
import type { RegistryMember, RegistryVersion } from './types';

/**
 * Version 1 of an empty registry: the checked-in list (gateway/subgraphs.json, URLs after any
 * SUBGRAPH_<NAME>_URL override) with each subgraph's checked-in SDL file. Does nothing when the
 * registry already has a version; returns the seed when it made one.
 */
export async function seedIfEmpty(store: RegistryStore, list: LoadServiceListOptions = {}): Promise<RegistryVersion | null> {
  return store.withLock(async () => {
    if ((await store.currentVersion()) != null) return null;
    const members: RegistryMember[] = [];
    for (const entry of loadServiceList(list)) {
      members.push({ name: entry.name, url: entry.url, ...(entry.department ? { department: entry.department } : {}), sdl: await readSdlFile(entry.sdlPath) });
    }
    let supergraph: string;
    try {
      supergraph = composeMembers(members);
    } catch (err) {
      const messages = err instanceof RegistryError ? (err.details.compositionErrors as string[]) : [(err as Error).message];
      throw new Error(`Cannot seed the schema registry in ${store.dir}: the checked-in SDL files do not compose:\n  - ${messages.join('\n  - ')}`);
    }
    const record: RegistryVersion = {
      version: await store.nextVersion(),
      createdAt: new Date().toISOString(),
      action: 'seed',
      by: 'seed',
      forced: false,
      changes: [],
      previous: null,
      supergraphSha: sha256(supergraph),
      subgraphs: members,
    };
    await store.commit(record, supergraph);
    return record;
  });
}
