import { defineAssistanceKeys } from '@saf/kit';

/**
 * This department's key-only AreaAssistance and ExitAssessment (originated by the poverty office),
 * with the register's members as @external: the HEALTH verdict and the BASIC_MEDICAL_CARE predicate
 * need every member, including those health holds no record for (they are not insured).
 */
export const { AreaAssistanceKey, ExitAssessmentKey } = defineAssistanceKeys({ externalMembers: true });
export type AreaAssistanceKey = InstanceType<typeof AreaAssistanceKey>;
export type ExitAssessmentKey = InstanceType<typeof ExitAssessmentKey>;
