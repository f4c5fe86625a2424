import { defineAssistanceKeys } from '@saf/kit';

/**
 * This department's key-only AreaAssistance and ExitAssessment, extended by its field resolvers.
 * Housing needs no register members: its verdict and predicate rest on the dwelling, not on persons.
 */
export const { AreaAssistanceKey, ExitAssessmentKey } = defineAssistanceKeys({ externalMembers: false });
export type AreaAssistanceKey = InstanceType<typeof AreaAssistanceKey>;
export type ExitAssessmentKey = InstanceType<typeof ExitAssessmentKey>;
