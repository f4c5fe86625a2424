import { PovertyCause } from '@saf/poverty-office';
import { DwellingStructure } from '../codes';

/**
 * Parameters of the synthetic housing records. Sources: reference/domain.md §2.7 (ratings, record
 * fields), seed 004 items 4 and 9 (renovation by the end of 2019; relocation), seed 003 (Kaizhou:
 * relocation subsidy 8,000 yuan per person, 16,000 for deep-poverty households) and seed 001 (25 m²
 * per relocated person). The shares are assumptions chosen to look plausible and named so that
 * they are easy to revise: nationally about 7.9 M of 29.5 M registered households (~27 %) had their
 * dangerous houses renovated, and about 9.6 M people (~10 %) were relocated.
 */

/** Data of the register end with 2020. */
export const LAST_DAY = '2020-12-31';
/** Renovation plans of the campaign start with the 2015 budget year. */
export const FIRST_APPROVAL_DAY = '2015-01-05';
/** The 13th five-year relocation programme starts in 2016. */
export const FIRST_RELOCATION_DAY = '2016-03-01';
export const RENOVATION_DEADLINE_DAY = '2019-12-31';

/** Share of C/D dwellings at the first appraisal, before the multipliers below (cap 0.85). */
export const DANGEROUS_BASE = 0.13;
export const DANGEROUS_MULTIPLIER = {
  poorVillage: 1.8,
  disasterMain: 2.0,
  disasterOther: 1.4,
  illnessMain: 1.25,
  notExited: 1.6,
  returned: 1.4,
  destitute: 1.4,
  lackOfLabour: 1.25,
} as const;
/** Share of D among dangerous dwellings, before the adjustments. */
export const D_SHARE = 0.38;
export const D_SHARE_DISASTER = 0.2;
export const D_SHARE_POOR_VILLAGE = 0.1;
/** Among safe dwellings, share rated A (the rest B). */
export const A_SHARE = 0.35;

/** An A/B dwelling found dangerous at a later appraisal (aging, landslide, flood). */
export const DOWNGRADE_SHARE = 0.08;
export const DOWNGRADE_SHARE_DISASTER = 0.18;
/** Exited households whose dwelling was found dangerous after exit (2019 verification), renovated as a follow-up. */
export const POST_EXIT_DOWNGRADE_SHARE = 0.03;
/** A/B households re-checked in the 2019 housing-safety verification (住房安全有保障核验). */
export const VERIFICATION_2019_SHARE = 0.3;
/** Accepted renovations re-appraised afterwards (the new rating). */
export const POST_RENOVATION_APPRAISAL_SHARE = 0.5;

/** Households relocated (易地扶贫搬迁) by village kind; remote causes double it. */
export const RELOCATION_SHARE_POOR_VILLAGE = 0.08;
export const RELOCATION_SHARE_OTHER_VILLAGE = 0.025;
export const RELOCATION_REMOTE_CAUSES: ReadonlySet<PovertyCause> = new Set([
  PovertyCause.POOR_TRANSPORT,
  PovertyCause.LACK_OF_LAND,
  PovertyCause.LACK_OF_WATER,
  PovertyCause.DISASTER,
]);
export const RELOCATION_YEARS: ReadonlyArray<readonly [number, number]> = [[2016, 0.3], [2017, 0.35], [2018, 0.2], [2019, 0.15]];
export const RELOCATION_SUBSIDY_PER_PERSON_YUAN = { general: 8_000, deep: 16_000 } as const;
export const RELOCATION_CENTRALISED_SHARE = 0.75;
export const OLD_HOUSE_DEMOLISHED_SHARE = 0.85;
export const LAND_RECLAIMED_SHARE = 0.75;

/**
 * Gaps at the end of 2020 for households that have not exited (or fell back): no renovation
 * approved yet, works still under way, acceptance failed (half of those re-inspected and passed).
 */
export const GAP_NOT_APPROVED = 0.12;
export const GAP_IN_PROGRESS = 0.08;
export const GAP_FAILED = 0.06;
/** Exited households: first inspection failed, rectified and passed before the exit. */
export const FIRST_INSPECTION_FAILED = 0.03;
/**
 * Exited households whose dangerous dwelling was only renovated after the exit (错退: the
 * third-party assessment tolerates a wrong-exit rate below 2 %), for the exit assessment to find.
 */
export const RENOVATED_AFTER_EXIT = 0.02;
/** Passed projects without a recorded move-in. */
export const NO_MOVE_IN_RECORDED = 0.08;

/** Subsidies in yuan by type [min, max], plus a top-up for dibao/destitute (分类补助). */
export const SUBSIDY_YUAN = {
  REBUILD: [20_000, 35_000],
  REINFORCE: [6_000, 15_000],
  OTHER: [10_000, 20_000],
} as const;
export const DEEP_POVERTY_TOP_UP_YUAN = { REBUILD: 5_000, REINFORCE: 2_000, OTHER: 3_000 } as const;

/** Structures by rating, as weights. */
export const STRUCTURES_SAFE: ReadonlyArray<readonly [DwellingStructure, number]> = [
  [DwellingStructure.BRICK_CONCRETE, 45], [DwellingStructure.BRICK_WOOD, 30], [DwellingStructure.WOOD, 10],
  [DwellingStructure.EARTH, 8], [DwellingStructure.FRAME, 5], [DwellingStructure.STONE, 2],
];
export const STRUCTURES_C: ReadonlyArray<readonly [DwellingStructure, number]> = [
  [DwellingStructure.BRICK_WOOD, 35], [DwellingStructure.EARTH, 30], [DwellingStructure.WOOD, 25], [DwellingStructure.STONE, 10],
];
export const STRUCTURES_D: ReadonlyArray<readonly [DwellingStructure, number]> = [
  [DwellingStructure.EARTH, 50], [DwellingStructure.WOOD, 25], [DwellingStructure.BRICK_WOOD, 15], [DwellingStructure.STONE, 10],
];
export const STRUCTURES_REBUILT: ReadonlyArray<readonly [DwellingStructure, number]> = [[DwellingStructure.BRICK_CONCRETE, 85], [DwellingStructure.FRAME, 15]];
/** Year built ranges by structure. */
export const YEAR_BUILT: Record<DwellingStructure, readonly [number, number]> = {
  EARTH: [1955, 1992],
  WOOD: [1950, 1995],
  STONE: [1960, 1995],
  BRICK_WOOD: [1975, 2002],
  BRICK_CONCRETE: [1985, 2013],
  FRAME: [1995, 2014],
  OTHER: [1970, 2010],
};

export const THIRD_PARTY_AGENCIES = [
  '重庆市建筑科学研究院',
  '重庆市建设工程质量检验测试中心',
  '开州区建设工程质量检测中心',
  '重庆建工质量检测有限公司',
  '重庆渝建房屋安全鉴定有限公司',
] as const;

export const DANGER_POINTS_D = ['承重墙体严重开裂', '地基不均匀沉降', '木柱糟朽、榫卯松脱', '墙体明显倾斜', '屋架变形、檩条断裂', '土墙风化剥蚀严重'] as const;
export const DANGER_POINTS_C = ['局部墙体开裂', '屋面漏雨、部分檩条腐朽', '个别承重柱糟朽', '局部墙体外闪', '楼板局部开裂'] as const;
export const DANGER_POINTS_B = ['个别构件轻微损坏', '屋面瓦片局部破损', '门窗老化'] as const;
