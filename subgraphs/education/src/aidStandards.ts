import { EducationStage, StudentAidItem } from './codes';
import { semesterOrdinal } from './semesters';

/**
 * Student aid standards (资助标准) per semester, by item, stage and condition, effective from a
 * semester until the next row of the same item, stage and condition. reference/domain.md §2.8 (2020
 * national pattern; local top-ups vary). The migration seeds the `student_aid_standard` table from
 * this list; the generator pays by it. Amounts change by year: never use a constant in code.
 */

/** When a standard applies: to every student, to boarders or day students, or by school location. */
export enum AidCondition {
  ANY = 'ANY',
  BOARDING = 'BOARDING',
  DAY = 'DAY',
  IN_PROVINCE = 'IN_PROVINCE',
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE',
}

export interface AidStandard {
  item: StudentAidItem;
  stage: EducationStage;
  condition: AidCondition;
  /** First semester the amount applies to. */
  validFrom: string;
  /** Yuan per semester, or once for once-only items. */
  yuan: number;
  /** Paid once per course of study (新生入学资助) rather than every semester. */
  once: boolean;
  source: string;
}

const S = EducationStage;
const I = StudentAidItem;
const C = AidCondition;
const MAIN = 'reference/domain.md §2.8 (meipian.cn/2wupstfk, 2020 policy notice)';

function row(item: StudentAidItem, stage: EducationStage, condition: AidCondition, validFrom: string, yuan: number, source: string, once = false): AidStandard {
  return { item, stage, condition, validFrom, yuan, once, source };
}

export const AID_STANDARDS: readonly AidStandard[] = [
  row(I.PRE_SCHOOL_AID, S.PRE_SCHOOL, C.ANY, '2011-AUTUMN', 500, `${MAIN}: 350-500 per semester, registered-poor children topped up to actual fees, at most 500`),
  row(I.TWO_EXEMPTIONS_ONE_SUBSIDY, S.PRIMARY, C.ANY, '2008-AUTUMN', 45, 'free textbooks 90 per year (primary); tuition and fees waived for all; earlier amounts unverified'),
  row(I.TWO_EXEMPTIONS_ONE_SUBSIDY, S.JUNIOR_SECONDARY, C.ANY, '2008-AUTUMN', 90, 'free textbooks 180 per year (junior secondary); tuition and fees waived for all; earlier amounts unverified'),
  row(I.BOARDING_SUBSIDY, S.PRIMARY, C.BOARDING, '2011-AUTUMN', 500, `${MAIN}: 1,000 per year for primary boarders`),
  row(I.BOARDING_SUBSIDY, S.JUNIOR_SECONDARY, C.BOARDING, '2011-AUTUMN', 625, `${MAIN}: 1,250 per year for junior-secondary boarders`),
  row(I.BOARDING_SUBSIDY, S.PRIMARY, C.DAY, '2019-AUTUMN', 250, `${MAIN}: from autumn 2019, 500 per year for poor non-boarders (four groups)`),
  row(I.BOARDING_SUBSIDY, S.JUNIOR_SECONDARY, C.DAY, '2019-AUTUMN', 312.5, `${MAIN}: from autumn 2019, 625 per year for poor non-boarders (four groups)`),
  row(I.NUTRITION_PROGRAMME, S.PRIMARY, C.ANY, '2011-AUTUMN', 300, '3 yuan per day x 200 school days per year until autumn 2014'),
  row(I.NUTRITION_PROGRAMME, S.JUNIOR_SECONDARY, C.ANY, '2011-AUTUMN', 300, '3 yuan per day x 200 school days per year until autumn 2014'),
  row(I.NUTRITION_PROGRAMME, S.PRIMARY, C.ANY, '2014-AUTUMN', 400, `${MAIN}: 4 yuan per day x 200 days = 800 per year`),
  row(I.NUTRITION_PROGRAMME, S.JUNIOR_SECONDARY, C.ANY, '2014-AUTUMN', 400, `${MAIN}: 4 yuan per day x 200 days = 800 per year`),
  row(I.STATE_GRANT, S.SENIOR_SECONDARY, C.ANY, '2010-AUTUMN', 1000, `${MAIN}: 国家助学金 averages 2,000 per year (bands 1,500 / 2,000 / 2,500)`),
  row(I.STATE_GRANT, S.SECONDARY_VOCATIONAL, C.ANY, '2012-AUTUMN', 1000, `${MAIN}: 2,000 per year in the first and second years`),
  row(I.STATE_GRANT, S.HIGHER_EDUCATION, C.ANY, '2010-AUTUMN', 1500, 'undergraduate 国家助学金 averaged 3,000 per year (assumption within the 2,000-4,000 bands)'),
  row(I.STATE_GRANT, S.HIGHER_EDUCATION, C.ANY, '2019-AUTUMN', 1650, 'average raised to 3,300 per year from autumn 2019'),
  row(I.TUITION_WAIVER, S.SENIOR_SECONDARY, C.ANY, '2016-AUTUMN', 800, `${MAIN}: registered-poor students exempt from tuition and fees from autumn 2016; 1,600 per year is an assumed local tuition`),
  row(I.TUITION_WAIVER, S.SECONDARY_VOCATIONAL, C.ANY, '2012-AUTUMN', 1000, `${MAIN}: 中职免学费, 2,000 per year`),
  row(I.RAINBOW_PLAN, S.SECONDARY_VOCATIONAL, C.ANY, '2015-SPRING', 1500, `${MAIN}: 雨露计划 e.g. 3,000 per year (mj.hnxfw.gov.cn), paid by the poverty office`),
  row(I.RAINBOW_PLAN, S.HIGHER_EDUCATION, C.ANY, '2015-SPRING', 1500, '雨露计划 for higher vocational (高职) students, 3,000 per year, paid by the poverty office'),
  row(I.FRESHMAN_GRANT, S.HIGHER_EDUCATION, C.IN_PROVINCE, '2013-AUTUMN', 500, `${MAIN}: 新生入学资助 500 for a university in the province`, true),
  row(I.FRESHMAN_GRANT, S.HIGHER_EDUCATION, C.OUT_OF_PROVINCE, '2013-AUTUMN', 1000, `${MAIN}: 新生入学资助 1,000 for a university outside the province`, true),
];

/** The standard in force for a semester, or null when the item is not granted then. */
export function aidStandardFor(
  standards: readonly AidStandard[],
  item: StudentAidItem,
  stage: EducationStage,
  condition: AidCondition,
  semester: string,
): AidStandard | null {
  const at = semesterOrdinal(semester);
  let best: AidStandard | null = null;
  for (const s of standards) {
    if (s.item !== item || s.stage !== stage || s.condition !== condition) continue;
    const from = semesterOrdinal(s.validFrom);
    if (from <= at && (!best || from > semesterOrdinal(best.validFrom))) best = s;
  }
  return best;
}

/** Whether an item is ever granted at a stage (for input validation). */
export function itemGrantedAtStage(standards: ReadonlyArray<Pick<AidStandard, 'item' | 'stage'>>, item: StudentAidItem, stage: EducationStage): boolean {
  return standards.some((s) => s.item === item && s.stage === stage);
}

export function fen(yuan: number): number {
  return Math.round(yuan * 100);
}
