import { POVERTY_LINES } from '../reference/povertyLines';
import { PovertyCause, WelfareCategory } from '../register/codes';
import { Weighted } from './prng';

/**
 * The parameters of the synthetic county, from seed 003 (开州区 Kaizhou, Chongqing) and
 * reference/domain.md §2–§4. Figures marked "seed 003" are quoted; the rest are assumptions chosen to
 * look plausible and are named so that they are easy to revise.
 */

export const PROVINCE = { code: '500000000000', name: '重庆市' };
/** NBS lists Chongqing's districts under a prefecture-level "市辖区" row. */
export const PREFECTURE = { code: '500100000000', name: '市辖区' };
export const COUNTY = { code: '500154000000', prefix: '500154', name: '开州区', formerName: '开县' };
/** 开县 became 开州区 in 2016 (code 500234 -> 500154). Dates before this use the old name. */
export const COUNTY_RENAMED_ON = '2016-07-01';

/** Named presets: household counts. */
export const PRESETS = {
  /** A small demo county: loads in seconds, also on the embedded PGlite. */
  demo: 2_000,
  /** Kaizhou (seed 003): 3万多户, ~12万 poor people. */
  county: 30_000,
  /** Province scale (Guizhou 2014: 6.23 M people / 3.04 per household), for benchmarks. */
  province: 2_000_000,
} as const;
export type RegisterPreset = keyof typeof PRESETS;
export const MAX_HOUSEHOLDS = 2_000_000;

/** Kaizhou: 135 poor villages among ~435 villages with ~30 k poor households (~69 per village). */
export const HOUSEHOLDS_PER_VILLAGE = 69;
export const POOR_VILLAGE_SHARE = 135 / 435;
/** seed 003: 37.32 % of poor people live in the 135 poor villages. */
export const SHARE_IN_POOR_VILLAGES = 0.3732;
/** Kaizhou has 40 townships for ~435 villages. */
export const VILLAGES_PER_TOWN = 10.9;
/** seed 003: 46 of the 135 poor villages lie in the contiguous poor mountain areas of the north and south. */
export const MOUNTAIN_TOWN_SHARE = 0.35;
export const MOUNTAIN_POOR_VILLAGE_WEIGHT = 3;
/** 镇 (towns, codes 100-199) versus 乡 (townships, 200-399). */
export const TOWN_SHARE_ZHEN = 0.7;

/**
 * Main poverty cause (A3a). seed 003: illness 36.39 %, schooling 24.68 %, then lack of skills,
 * disaster, temporary lack of labour; the remaining split is an assumption.
 */
export const MAIN_CAUSES = new Weighted<PovertyCause>([
  [PovertyCause.ILLNESS, 36.39],
  [PovertyCause.SCHOOLING, 24.68],
  [PovertyCause.LACK_OF_SKILLS, 12.0],
  [PovertyCause.DISASTER, 7.0],
  [PovertyCause.LACK_OF_LABOUR, 6.0],
  [PovertyCause.DISABILITY, 4.0],
  [PovertyCause.LACK_OF_CAPITAL, 4.0],
  [PovertyCause.POOR_TRANSPORT, 1.5],
  [PovertyCause.LACK_OF_DRIVE, 1.43],
  [PovertyCause.LACK_OF_LAND, 1.0],
  [PovertyCause.LACK_OF_WATER, 1.0],
  [PovertyCause.OTHER, 1.0],
]);

/** Other causes (A3b, at most two, distinct from the main cause). */
export const OTHER_CAUSE_COUNT = new Weighted<number>([[0, 0.35], [1, 0.4], [2, 0.25]]);
export const OTHER_CAUSES = new Weighted<PovertyCause>([
  [PovertyCause.LACK_OF_SKILLS, 20],
  [PovertyCause.LACK_OF_CAPITAL, 18],
  [PovertyCause.ILLNESS, 15],
  [PovertyCause.LACK_OF_LABOUR, 12],
  [PovertyCause.SCHOOLING, 10],
  [PovertyCause.POOR_TRANSPORT, 8],
  [PovertyCause.DISASTER, 5],
  [PovertyCause.DISABILITY, 4],
  [PovertyCause.LACK_OF_LAND, 3],
  [PovertyCause.LACK_OF_WATER, 3],
  [PovertyCause.LACK_OF_DRIVE, 2],
]);

/**
 * Welfare category by main cause: [dibao, destitute, dibao + destitute] probabilities. Tuned so
 * that about 23 % of households (~21 % of people) are dibao households; seed 003: 6,980 households,
 * 21,398 people in dibao of ~30 k households.
 */
const WELFARE_BY_CAUSE: Partial<Record<PovertyCause, [number, number, number]>> = {
  [PovertyCause.ILLNESS]: [0.31, 0.03, 0.012],
  [PovertyCause.DISABILITY]: [0.42, 0.08, 0.03],
  [PovertyCause.LACK_OF_LABOUR]: [0.42, 0.12, 0.03],
  [PovertyCause.SCHOOLING]: [0.13, 0, 0],
};
const WELFARE_DEFAULT: [number, number, number] = [0.13, 0.01, 0.004];

export function welfareTable(cause: PovertyCause): Weighted<WelfareCategory> {
  return WELFARE_TABLES.get(cause)!;
}
const WELFARE_TABLES = new Map<PovertyCause, Weighted<WelfareCategory>>(
  Object.values(PovertyCause).map((cause) => {
    const [dibao, destitute, both] = WELFARE_BY_CAUSE[cause] ?? WELFARE_DEFAULT;
    return [
      cause,
      new Weighted<WelfareCategory>([
        [WelfareCategory.GENERAL, 1 - dibao - destitute - both],
        [WelfareCategory.DIBAO, dibao],
        [WelfareCategory.DESTITUTE, destitute],
        [WelfareCategory.DIBAO_DESTITUTE, both],
      ]),
    ];
  }),
);

/** Household size: ~3.4 persons overall (national 3.04, Kaizhou ~3.9); dibao households smaller (3.07). */
export const SIZE_GENERAL = new Weighted<number>([[1, 0.09], [2, 0.2], [3, 0.23], [4, 0.25], [5, 0.15], [6, 0.06], [7, 0.02]]);
export const SIZE_DIBAO = new Weighted<number>([[1, 0.2], [2, 0.25], [3, 0.2], [4, 0.2], [5, 0.1], [6, 0.05]]);
export const SIZE_DESTITUTE = new Weighted<number>([[1, 0.82], [2, 0.18]]);
export const SIZE_SCHOOLING = new Weighted<number>([[2, 0.06], [3, 0.24], [4, 0.34], [5, 0.22], [6, 0.1], [7, 0.04]]);
export const SIZE_LACK_OF_LABOUR = new Weighted<number>([[1, 0.25], [2, 0.35], [3, 0.2], [4, 0.12], [5, 0.08]]);

/** 首次识别时间: the 2014 national 建档立卡 drive, then yearly dynamic adjustment. */
export const IDENTIFICATION_YEARS = new Weighted<number>([[2014, 0.78], [2015, 0.1], [2016, 0.07], [2017, 0.02], [2018, 0.02], [2019, 0.01]]);
/** 脱贫年度: Kaizhou aimed to exit as a district in 2017; the tail exits up to 2020. */
export const EXIT_YEARS: ReadonlyArray<readonly [number, number]> = [[2016, 0.22], [2017, 0.38], [2018, 0.17], [2019, 0.15], [2020, 0.08]];
export const FIRST_EXIT_YEAR = 2016;
export const LAST_DATA_YEAR = 2020;
/** Share of households still not exited at the end of 2020, and share that fell back. */
export const NOT_EXITED_SHARE = 0.035;
export const RETURNED_SHARE = 0.015;

/**
 * The national poverty line, yuan per person per year. The database's `poverty_line` table is the
 * source of truth; `loadRegister` reads it and uses these values only for missing years (and the
 * database-free iterators use them as they are).
 */
export const DEFAULT_POVERTY_LINES_YUAN: Readonly<Record<number, number>> = Object.fromEntries(POVERTY_LINES.map((l) => [l.year, l.yuan]));

/**
 * Address codes (first six digits) of resident ID numbers. An ID keeps the code of the place where
 * it was first issued: people born before the 2016 re-coding carry 开县's 500234; people who married
 * in come from the neighbouring counties.
 */
export const ADDRESS_CODES = {
  current: '500154', // 开州区
  former: '500234', // 开县 (until 2016)
  neighboursBefore2016: ['500101', '500235', '500229', '500238', '500228', '511722', '511723'],
  neighboursSince2016: ['500101', '500235', '500229', '500238', '500155', '511722', '511723'],
} as const;
/** Names of the address codes above (for checks and display). */
export const ADDRESS_CODE_NAMES: Readonly<Record<string, string>> = {
  '500154': '重庆市开州区', '500234': '重庆市开县', '500101': '重庆市万州区', '500235': '重庆市云阳县',
  '500229': '重庆市城口县', '500238': '重庆市巫溪县', '500228': '重庆市梁平县', '500155': '重庆市梁平区',
  '511722': '四川省宣汉县', '511723': '四川省开江县',
};
export const ALL_ADDRESS_CODES: readonly string[] = Object.keys(ADDRESS_CODE_NAMES);

/** Ages and the school year: ages are counted on the school-entry cut-off of the last data year. */
export const AGE_REFERENCE = '2020-08-31';
/** Small realistic share of compulsory-school-age children (6-15) not in school (辍学). */
export const DROPOUT_SHARE = 0.012;
export const DROPOUT_SHARE_DISABLED = 0.3;

/** About one 帮扶责任人 per five households. */
export const HOUSEHOLDS_PER_CADRE = 5;
export const CADRE_REASSIGNMENT_SHARE = 0.15;
