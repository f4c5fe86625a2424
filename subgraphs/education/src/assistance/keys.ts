import { defineAssistanceKeys } from '@saf/kit';

/**
 * This department's key-only AreaAssistance and ExitAssessment (originated by the poverty office),
 * with the register's members declared @external: the EDUCATION verdict and the compulsory-education
 * predicate must see every school-age member, not only the children education has a record of.
 */
export const { AreaAssistanceKey, ExitAssessmentKey } = defineAssistanceKeys({ externalMembers: true });
