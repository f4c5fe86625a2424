import { defineAssistanceKeys } from '@saf/kit';

/**
 * Finance's own key-only AreaAssistance (and ExitAssessment) types. Finance's measures need no
 * register members (payments name the household and the record they pay for), so no @external
 * members; finance owns no exit predicate, so only AreaAssistance is extended.
 */
export const { AreaAssistanceKey } = defineAssistanceKeys();
export type { AreaAssistanceRef } from '@saf/kit';
