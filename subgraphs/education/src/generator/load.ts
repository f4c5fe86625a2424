import type { Pool } from 'pg';
import { loadFollowingRegister, RegisterLoadOptions, RegisterLoadResult } from '@saf/poverty-office';
import { educationRecordsFor } from './records';
import { EDUCATION_TABLE_SPECS, EDUCATION_TABLES, EducationTable } from './tables';

export type EducationLoadOptions = RegisterLoadOptions;
export type EducationLoadResult = RegisterLoadResult<EducationTable>;

/** Generates the education records of every household of the register and writes them in one transaction. */
export function loadEducation(pool: Pool, options: EducationLoadOptions): Promise<EducationLoadResult> {
  const T = EDUCATION_TABLES;
  return loadFollowingRegister<EducationTable>(pool, options, {
    tables: EDUCATION_TABLE_SPECS,
    addHousehold: (sink, bundle) => {
      const r = educationRecordsFor(bundle, options.seed);
      for (const row of r.enrolments) sink.add(T.student_enrolment, row);
      for (const row of r.aid) sink.add(T.student_aid, row);
      for (const row of r.dropoutCases) sink.add(T.dropout_case, row);
      for (const row of r.followUps) sink.add(T.dropout_follow_up, row);
      for (const row of r.homeTeaching) sink.add(T.home_teaching, row);
    },
  });
}
