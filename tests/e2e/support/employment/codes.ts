import { registerEnumType } from 'type-graphql';
import { ContributionRole, DutyAreaCode } from '@saf/kit';

/** The department's code in the duty matrix (seed 004): 省人力资源社会保障厅. */
export const EMPLOYMENT_DEPARTMENT = 'HUMAN_RESOURCES_SOCIAL_SECURITY';

/** 就业扶贫 measures for one person. */
export enum EmploymentMeasureKind {
  /** 转移就业: a job found for the person (often as a migrant worker). */
  JOB_PLACEMENT = 'JOB_PLACEMENT',
  /** 职业技能培训: training; it prepares a job but is not one. */
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  /** 公益性岗位: a public-welfare post in or near the village. */
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
}

/** The measures that employ the person (and so meet the household's need). */
export const EMPLOYING_MEASURES: ReadonlySet<EmploymentMeasureKind> = new Set([EmploymentMeasureKind.JOB_PLACEMENT, EmploymentMeasureKind.PUBLIC_WELFARE_POST]);

/** The department's role in each area it takes part in (seed 004); it gives per-household records only in EMPLOYMENT. */
export const EMPLOYMENT_ROLES: Partial<Record<DutyAreaCode, ContributionRole>> = {
  [DutyAreaCode.EMPLOYMENT]: ContributionRole.LEAD,
};

/** Working age for the need (一户一人就业): 16 to 59 on the assessment date. */
export const WORKING_AGE = { from: 16, to: 59 } as const;

registerEnumType(EmploymentMeasureKind, { name: 'EmploymentMeasureKind', description: '就业扶贫: job placement, vocational training or a public-welfare post.' });
