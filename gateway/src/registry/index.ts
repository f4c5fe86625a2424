// The schema registry: publish with composition and breaking-change checks, history, rollback.
export { RegistryStore, sha256 } from './store';
export { SchemaRegistry, type PublishRequest, type PublishOptions, type RegistryDeps } from './publish';
export { schemaChanges, breakingOf, warningsOf } from './checks';
export { seedIfEmpty } from './seed';
export { withLock, type LockOptions } from './lock';
export { assertMayUseRegistry } from './access';
export { RegistryError, type RegistryErrorCode } from './errors';
export { registryRequestHandler, REGISTRY_PATH_PREFIX } from './http';
export { openRegistryStore, attachRegistry, type RegistryOptions, type RegistryAttachment } from './gateway';
export { dutyMatrixSyncer } from './dutyMatrix';
export type { RegistryMember, RegistryVersion, VersionSummary, SchemaChange, RegistryOutcome, MemberSummary, Criticality } from './types';
