import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { fetchLiveSdl, type LoadServiceListOptions } from '../composition';
import type { ReloadResult } from '../supergraph-file';
import type { TokenVerifier } from '../auth';
import { dutyMatrixSyncer, type DutyMatrixOptions } from './dutyMatrix';
import { registryRequestHandler } from './http';
import type { LockOptions } from './lock';
import { SchemaRegistry } from './publish';
import { seedIfEmpty } from './seed';
import { RegistryStore } from './store';

/** startGateway's `registry` option. */
export interface RegistryOptions {
  /** The registry directory (SCHEMA_REGISTRY_DIR); may be shared by several gateway replicas. */
  dir: string;
  /** Where an empty registry's first version comes from. Default gateway/subgraphs.json and its SDL files. */
  seedFrom?: LoadServiceListOptions;
  lock?: LockOptions;
  /** Time limit of the duty-matrix call after each change. Default 10 s. */
  dutyMatrixTimeoutMs?: number;
  /** After a failed duty-matrix call, how often it is tried again. Default 30 s. */
  dutyMatrixRetryMs?: number;
  /** Replaces the duty-matrix call (tests). Default syncFederatedDepartments. */
  dutyMatrixSync?: DutyMatrixOptions['sync'];
}

/** Seeds an empty registry and repairs a half-finished write; the gateway then serves `supergraphPath`. */
export async function openRegistryStore(options: RegistryOptions, logger: Logger): Promise<RegistryStore> {
  const store = new RegistryStore(options.dir, options.lock);
  const seeded = await seedIfEmpty(store, options.seedFrom);
  if (seeded) logger.info({ dir: store.dir, version: seeded.version, subgraphs: seeded.subgraphs.map((s) => s.name) }, 'schema registry seeded');
  if (await store.withLock(() => store.repair())) logger.warn({ dir: store.dir }, 'schema registry: supergraph.graphql did not match current.json; restored it');
  return store;
}

export interface RegistryAttachment {
  registry: SchemaRegistry;
  /** The HTTP endpoint: true when it took the request (a /registry/ path). */
  handleRegistryRequest: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Ends a pending duty-matrix retry (the gateway closes). */
  stop(): void;
}

export interface AttachOptions {
  store: RegistryStore;
  options: RegistryOptions;
  /** Re-reads the supergraph file now (SupergraphFile.reload). */
  reload: () => Promise<ReloadResult>;
  /** Short hash (12 hex) of the supergraph the gateway serves. */
  servedHash: () => string | undefined;
  verify: TokenVerifier;
  signingSecret: string;
  subgraphUrls?: Record<string, string>;
  logger: Logger;
}

/**
 * The registry as a running gateway uses it: going live is this gateway's own reload (the
 * answer comes once the new supergraph serves); other replicas sharing the directory see the
 * file change through their watch.
 */
export function attachRegistry(attach: AttachOptions): RegistryAttachment {
  const goLive = async (supergraphSha: string) => {
    const result = await attach.reload();
    if (result.status === 'rejected') throw new Error(`the gateway rejected the supergraph: ${result.error}`);
    const served = attach.servedHash();
    // SupergraphFile names a supergraph by the first 12 hex digits of its sha256.
    if (served !== supergraphSha.slice(0, 12)) throw new Error(`the gateway serves ${served ?? 'nothing'} instead of ${supergraphSha.slice(0, 12)}`);
  };
  const dutyMatrix = dutyMatrixSyncer({
    signingSecret: attach.signingSecret,
    subgraphUrls: attach.subgraphUrls,
    logger: attach.logger,
    timeoutMs: attach.options.dutyMatrixTimeoutMs,
    retryMs: attach.options.dutyMatrixRetryMs,
    sync: attach.options.dutyMatrixSync,
  });
  const registry = new SchemaRegistry({
    store: attach.store,
    goLive,
    afterLive: dutyMatrix,
    fetchSdl: (url) => fetchLiveSdl(url, 5000, attach.signingSecret),
  });
  return { registry, handleRegistryRequest: registryRequestHandler({ registry, verify: attach.verify, logger: attach.logger }), stop: () => dutyMatrix.stop() };
}
