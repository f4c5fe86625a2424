// Public API of @saf/gateway.
export { startGateway, GRAPHQL_PATH, type GatewayOptions, type RunningGateway } from './server';
export { coveredLength } from './server-timing';
export {
  composeSupergraph,
  loadServiceList,
  fetchLiveSdl,
  readSdlFile,
  type ServiceSdl,
  type CompositionOutcome,
  type ServiceEntry,
  type LoadServiceListOptions,
} from './composition';
export { urlEnvVarFor, toWebSocketUrl } from './service-list';
export { validateSupergraphSdl, type SupergraphCheck, type SupergraphSubgraph } from './supergraph-validate';
export { NoSupergraphError, type LoadedSupergraph, type ReloadResult } from './supergraph-file';
export { writeFileAtomic } from './atomic-write';
export { runCompose, type ComposeIo } from './cli/compose';
export { gatewayOptionsFromEnv } from './main';
export { REPO_ROOT, DEFAULT_SUPERGRAPH_PATH, DEFAULT_SUBGRAPHS_FILE, DEFAULT_REGISTRY_DIR, registryDirFromEnv } from './paths';
export { handleHealthRequest, type ReadinessState } from './health';
export { deriveSectorViewSdl, findSectorViewInputs, decideCoverage, allPredicates, reconcileSafetyNet, buildSectorViewSchema, EXIT_PREDICATES, SECTOR_VIEW_NAME } from './sector-view';
export { DEFAULT_LIMITS, limitsFromEnv, operationLimitsRule, type QueryLimits } from './limits';
export { mintToken, loadOrCreateDevSecrets, useAuth, createTokenVerifier, type TokenConfig } from './auth';
export { authFromEnv, type GatewayAuthOptions } from './server';
export { runPublish, type PublishIo } from './cli/publish';
export * from './registry';
