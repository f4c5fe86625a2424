export { deriveSectorViewSdl, findSectorViewInputs, SECTOR_VIEW_NAME, SECTOR_VIEW_URL } from './derive';
export { buildSectorViewSchema } from './schema';
export { inProcessSectorView, IN_PROCESS_KIND } from './inProcess';
export { decideCoverage, allPredicates, EXIT_PREDICATES } from './rules';
export { reconcileSafetyNet } from './reconciliation';
export { AssistanceFeed, discoverChangeFeeds, DEFAULT_LIVE_QUEUE_LIMIT, type AssistanceChange, type ChangeFeed } from './live';
