import { DibaoCategory } from '../codes';

/**
 * 低保标准: the county's dibao line per year, yuan per person per month. Seeded into the
 * `dibao_line` table by a migration (data, not code: later changes are new migrations); the
 * generator reads the same values. Values are assumptions shaped on reference/domain.md §2.4 (Feb
 * 2018 national averages: rural 4,301 yuan/person/year, urban 541 yuan/person/month) and kept at or
 * above the national poverty line of each year from 2014 (两线合一 line check, §3.3); the 2013 rural
 * line (2,520 yuan a year) is below that year's 2,736. The per-county copy is county_dibao_line
 * (migration 1700000000003).
 */
export interface DibaoLineValue {
  year: number;
  category: DibaoCategory;
  monthlyYuan: number;
  verified: boolean;
  source: string;
}

const ASSUMED = 'assumption: county line shaped on reference/domain.md §2.4 (2018 national averages), at or above the poverty line';

const RURAL: Array<[number, number]> = [
  [2013, 210], [2014, 235], [2015, 250], [2016, 280], [2017, 310], [2018, 355], [2019, 365], [2020, 370],
];
const URBAN: Array<[number, number]> = [
  [2013, 330], [2014, 360], [2015, 400], [2016, 440], [2017, 480], [2018, 526], [2019, 546], [2020, 620],
];

export const DIBAO_LINES: readonly DibaoLineValue[] = [
  ...RURAL.map(([year, monthlyYuan]) => ({ year, category: DibaoCategory.RURAL, monthlyYuan, verified: false, source: ASSUMED })),
  ...URBAN.map(([year, monthlyYuan]) => ({ year, category: DibaoCategory.URBAN, monthlyYuan, verified: false, source: ASSUMED })),
];

const FIRST = 2013;
const LAST = 2020;

/** The line in fen per person per month; years outside the table use the nearest year. */
export function dibaoLineFen(category: DibaoCategory, year: number): number {
  const y = Math.min(LAST, Math.max(FIRST, year));
  const line = DIBAO_LINES.find((l) => l.category === category && l.year === y)!;
  return line.monthlyYuan * 100;
}
