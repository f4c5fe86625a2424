import { defineAssistanceKeys } from '@saf/kit';

/**
 * This department's key-only AreaAssistance and ExitAssessment, extended by its field resolvers.
 * Civil affairs needs no register members: its safety-net verdict rests on its own cases (a dibao
 * enrolment is a household's, a destitute support a person's), and it owns no exit predicate.
 */
export const { AreaAssistanceKey, ExitAssessmentKey } = defineAssistanceKeys({ externalMembers: false });
export type AreaAssistanceKey = InstanceType<typeof AreaAssistanceKey>;
