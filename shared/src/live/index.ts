export { ChangeHub, changeHubOf } from './hub';
export type { ChangeHubOptions } from './hub';
export { ChangeStream, DEFAULT_LIVE_QUEUE_LIMIT, liveQueueLimit } from './stream';
export type { ChangeFilter, Delivery } from './stream';
export { bulkPayloads, MAX_PAYLOAD_BYTES, parseNotification } from './payload';
export type { BulkPayload, LiveChange } from './payload';
export { liveFieldName, liveSubscription } from './schema';
export { tapNotifications } from './local';
