/**
 * Deterministic education records that follow the register (the poverty office's generator).
 *
 *   for (const bundle of iterateHouseholds('demo', 1)) educationRecordsFor(bundle, 1)   // no database
 *   loadEducation(pool, { size: 'county', seed: 1 })                                    // COPY or INSERT
 */
export { educationRecordsFor, FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, LAST_SEMESTER } from './records';
export type { EducationRecords, StudentEnrolmentRow, StudentAidRow, DropoutCaseRow, DropoutFollowUpRow, HomeTeachingRow } from './records';
export { loadEducation } from './load';
export type { EducationLoadOptions, EducationLoadResult } from './load';
export { EDUCATION_TABLES, EDUCATION_TABLE_ORDER } from './tables';
export type { EducationTable } from './tables';
