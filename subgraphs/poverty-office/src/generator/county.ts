import { UnitLevel } from '../register/codes';
import { Rng, Weighted } from './prng';
import { COUNTY_UNITS, PROVINCE_UNITS, SURNAMES, givenName, mobilePhone, placeName } from './names';
import {
  COUNTY,
  HOUSEHOLDS_PER_CADRE,
  HOUSEHOLDS_PER_VILLAGE,
  MAX_HOUSEHOLDS,
  MOUNTAIN_POOR_VILLAGE_WEIGHT,
  MOUNTAIN_TOWN_SHARE,
  POOR_VILLAGE_SHARE,
  PREFECTURE,
  PROVINCE,
  SHARE_IN_POOR_VILLAGES,
  TOWN_SHARE_ZHEN,
  VILLAGES_PER_TOWN,
} from './params';
import { CadreRow, RegionRow } from './rows';

/**
 * The county model: one county (开州区, 500154) with towns and villages scaled to the number of
 * households, about a third of the villages poor and denser in poor households (seed 003). It holds
 * one small record per town and village (never per household), so it stays small at any size.
 */

export interface Town {
  index: number;
  /** 12-digit region code. */
  code: string;
  name: string;
  /** 镇 (codes 100-199) or 乡 (200-399). */
  kind: 'ZHEN' | 'XIANG';
  /** In the contiguous poor mountain areas (more poor villages). */
  mountainous: boolean;
  villageStart: number;
  villageCount: number;
  householdStart: number;
  householdCount: number;
  /** 帮扶责任人 based in this town: ids `${code9}C00001`.. */
  cadreCount: number;
}

export interface Village {
  index: number;
  /** 12-digit region code (村委会, village part 200-399). */
  code: string;
  name: string;
  townIndex: number;
  isPoor: boolean;
  /** Global index of the village's first household (households are numbered in village order). */
  householdStart: number;
  householdCount: number;
}

export interface County {
  size: number;
  seed: number;
  code: string;
  name: string;
  towns: readonly Town[];
  villages: readonly Village[];
  cadreCount: number;
  poorVillageCount: number;
}

const MAX_TOWNS = 300; // 100 镇 codes + 200 乡 codes
const MAX_VILLAGES_PER_TOWN = 200; // 村委会 codes 200-399
const MAX_HOUSEHOLDS_PER_VILLAGE = 9999; // 4-digit household sequence

export function buildCounty(size: number, seed: number): County {
  if (!Number.isInteger(size) || size < 1 || size > MAX_HOUSEHOLDS) {
    throw new RangeError(`size must be an integer between 1 and ${MAX_HOUSEHOLDS}, got ${size}`);
  }
  const rng = Rng.derive(seed, 0xc0c0);
  const villageTotal = Math.min(size, Math.max(1, Math.round(size / HOUSEHOLDS_PER_VILLAGE)), MAX_TOWNS * MAX_VILLAGES_PER_TOWN);
  let townTotal = Math.min(MAX_TOWNS, Math.max(1, Math.round(villageTotal / VILLAGES_PER_TOWN)));
  townTotal = Math.min(villageTotal, Math.max(townTotal, Math.ceil(villageTotal / MAX_VILLAGES_PER_TOWN)));

  // Towns: 镇 first (100-199), then 乡 (200-399).
  let zhen = townTotal === 1 ? 1 : Math.min(100, Math.max(1, Math.round(townTotal * TOWN_SHARE_ZHEN)));
  if (townTotal - zhen > 200) zhen = townTotal - 200;
  const townCodes = [...assignCodes(rng, zhen, 100, 199), ...assignCodes(rng, townTotal - zhen, 200, 399)];
  const usedNames = new Set<string>();
  const villagesPerTown = apportion(villageTotal, townTotal, 1, MAX_VILLAGES_PER_TOWN, () => rng.real(0.6, 1.4));

  const towns: Town[] = [];
  const villages: Village[] = [];
  for (let t = 0; t < townTotal; t++) {
    const kind = townCodes[t] < 200 ? 'ZHEN' : 'XIANG';
    const name = uniqueName(rng, 'town', usedNames, usedNames) + (kind === 'ZHEN' ? '镇' : '乡');
    const code = `${COUNTY.prefix}${String(townCodes[t]).padStart(3, '0')}000`;
    const town: Town = {
      index: t, code, name, kind, mountainous: rng.bool(MOUNTAIN_TOWN_SHARE),
      villageStart: villages.length, villageCount: villagesPerTown[t], householdStart: 0, householdCount: 0, cadreCount: 0,
    };
    towns.push(town);
    const inTown = new Set<string>();
    for (const vc of assignCodes(rng, town.villageCount, 200, 399)) {
      villages.push({
        index: villages.length,
        code: `${code.slice(0, 9)}${String(vc).padStart(3, '0')}`,
        name: uniqueName(rng, 'village', usedNames, inTown) + '村',
        townIndex: t, isPoor: false, householdStart: 0, householdCount: 0,
      });
    }
  }

  // Poor villages: about 135/435 of them, three times likelier in the mountain towns.
  const poorTotal = villageTotal < 2 ? 0 : Math.min(villageTotal - 1, Math.max(1, Math.round(villageTotal * POOR_VILLAGE_SHARE)));
  const keys = villages.map((v) => ({ v, key: -Math.log(1 - rng.float()) / (towns[v.townIndex].mountainous ? MOUNTAIN_POOR_VILLAGE_WEIGHT : 1) }));
  keys.sort((a, b) => a.key - b.key || a.v.index - b.v.index);
  for (let i = 0; i < poorTotal; i++) keys[i].v.isPoor = true;

  // Households: 37.32 % in poor villages, the rest elsewhere, each village a log-normal share.
  const poor = villages.filter((v) => v.isPoor);
  const other = villages.filter((v) => !v.isPoor);
  let inPoor = poor.length === 0 ? 0 : Math.round(size * SHARE_IN_POOR_VILLAGES);
  inPoor = Math.min(Math.max(inPoor, poor.length), size - other.length);
  const weight = () => Math.exp(rng.normal(0, 0.35));
  apportion(inPoor, poor.length, 1, MAX_HOUSEHOLDS_PER_VILLAGE, weight).forEach((n, i) => (poor[i].householdCount = n));
  apportion(size - inPoor, other.length, 1, MAX_HOUSEHOLDS_PER_VILLAGE, weight).forEach((n, i) => (other[i].householdCount = n));

  let household = 0;
  let cadres = 0;
  for (const town of towns) {
    town.householdStart = household;
    for (let i = 0; i < town.villageCount; i++) {
      const v = villages[town.villageStart + i];
      v.householdStart = household;
      household += v.householdCount;
    }
    town.householdCount = household - town.householdStart;
    town.cadreCount = Math.ceil(town.householdCount / HOUSEHOLDS_PER_CADRE);
    cadres += town.cadreCount;
  }
  return { size, seed, code: COUNTY.code, name: COUNTY.name, towns, villages, cadreCount: cadres, poorVillageCount: poorTotal };
}

/** Province, prefecture, county, then each town followed by its villages (parents first). */
export function* regionRows(county: County): Generator<RegionRow> {
  yield { code: PROVINCE.code, name: PROVINCE.name, level: 1, parentCode: null, isPoorVillage: false };
  yield { code: PREFECTURE.code, name: PREFECTURE.name, level: 2, parentCode: PROVINCE.code, isPoorVillage: false };
  yield { code: COUNTY.code, name: COUNTY.name, level: 3, parentCode: PREFECTURE.code, isPoorVillage: false };
  for (const town of county.towns) {
    yield { code: town.code, name: town.name, level: 4, parentCode: COUNTY.code, isPoorVillage: false };
    for (let i = 0; i < town.villageCount; i++) {
      const v = county.villages[town.villageStart + i];
      yield { code: v.code, name: v.name, level: 5, parentCode: town.code, isPoorVillage: v.isPoor };
    }
  }
}

export function cadreId(town: Town, k: number): string {
  return `${town.code.slice(0, 9)}C${String(k + 1).padStart(5, '0')}`;
}

/** The cadre serving households [5k, 5k+5) of the town (in-town household order). */
export function cadreIndexFor(inTownHousehold: number): number {
  return Math.floor(inTownHousehold / HOUSEHOLDS_PER_CADRE);
}

const UNIT_LEVELS = new Weighted<UnitLevel>([
  // Chongqing is a province-level municipality: its 市级 units are province level, and there is no
  // prefecture level between the municipality and the county.
  [UnitLevel.PROVINCE, 6],
  [UnitLevel.COUNTY, 42],
  [UnitLevel.TOWNSHIP, 35],
  [UnitLevel.VILLAGE, 17],
]);
const TOWNSHIP_UNITS = ['人民政府', '人民政府', '农业服务中心', '财政所', '社会保障服务中心', '卫生院', '中心小学', '扶贫办'];

/** Cadre k of a town, a pure function of the seed, the town and k. */
export function cadreRow(county: County, town: Town, k: number): CadreRow {
  const rng = Rng.derive(county.seed, 0xcad, town.index, k);
  const sex = rng.bool(0.68) ? 'MALE' : 'FEMALE';
  const birthYear = rng.int(1960, 1995);
  const name = SURNAMES.at(rng.float()) + givenName(rng, sex, birthYear);
  const unitLevel = rng.weighted(UNIT_LEVELS);
  let unit: string;
  switch (unitLevel) {
    case UnitLevel.PROVINCE:
      unit = rng.pick(PROVINCE_UNITS);
      break;
    case UnitLevel.COUNTY:
      unit = COUNTY.name + rng.pick(COUNTY_UNITS);
      break;
    case UnitLevel.TOWNSHIP:
      unit = town.name + rng.pick(TOWNSHIP_UNITS);
      break;
    default:
      unit = villageOfTownHousehold(county, town, k * HOUSEHOLDS_PER_CADRE).name + '村民委员会';
  }
  return { id: cadreId(town, k), name, unit, unitLevel, phone: mobilePhone(rng) };
}

export function* cadreRows(county: County): Generator<CadreRow> {
  for (const town of county.towns) for (let k = 0; k < town.cadreCount; k++) yield cadreRow(county, town, k);
}

function villageOfTownHousehold(county: County, town: Town, inTown: number): Village {
  const g = town.householdStart + Math.min(inTown, town.householdCount - 1);
  let lo = town.villageStart;
  let hi = town.villageStart + town.villageCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (county.villages[mid].householdStart <= g) lo = mid;
    else hi = mid - 1;
  }
  return county.villages[lo];
}

/** n increasing codes in [lo, hi], starting a little above lo and with occasional gaps, as real lists have. */
function assignCodes(rng: Rng, n: number, lo: number, hi: number): number[] {
  let slack = hi - lo + 1 - n;
  if (slack < 0) throw new RangeError(`cannot fit ${n} codes in ${lo}-${hi}`);
  const codes: number[] = [];
  let next = lo;
  if (slack > 0) {
    next++;
    slack--;
  }
  for (let i = 0; i < n; i++) {
    while (slack > 0 && rng.bool(0.08)) {
      next++;
      slack--;
    }
    codes.push(next++);
  }
  return codes;
}

/**
 * Splits `total` into `n` integer parts, each in [min, max], proportional to random weights
 * (largest remainder).
 */
function apportion(total: number, n: number, min: number, max: number, weight: () => number): number[] {
  if (n === 0) {
    if (total !== 0) throw new RangeError('nothing to apportion into');
    return [];
  }
  if (total < n * min || total > n * max) throw new RangeError(`cannot split ${total} into ${n} parts in [${min}, ${max}]`);
  const w = Array.from({ length: n }, weight);
  const parts = new Array<number>(n).fill(min);
  const open = new Set<number>(parts.keys());
  let left = total - n * min;
  while (left > 0) {
    const sum = [...open].reduce((s, i) => s + w[i], 0);
    const shares = [...open].map((i) => ({ i, exact: (left * w[i]) / sum }));
    let given = 0;
    for (const s of shares) {
      const add = Math.min(Math.floor(s.exact), max - parts[s.i]);
      parts[s.i] += add;
      given += add;
    }
    let rest = left - given;
    shares.sort((a, b) => (b.exact - Math.floor(b.exact)) - (a.exact - Math.floor(a.exact)) || a.i - b.i);
    for (const s of shares) {
      if (rest === 0) break;
      if (parts[s.i] < max) {
        parts[s.i]++;
        rest--;
      }
    }
    for (const i of [...open]) if (parts[i] >= max) open.delete(i);
    left = rest;
  }
  return parts;
}

function uniqueName(rng: Rng, kind: 'town' | 'village', county: Set<string>, local: Set<string>): string {
  let name = placeName(rng, kind);
  // County-wide unique while names last, then unique within the town.
  for (let tries = 0; tries < 30 && (county.has(name) || local.has(name)); tries++) name = placeName(rng, kind);
  for (let tries = 0; tries < 1000 && local.has(name); tries++) name = placeName(rng, kind);
  county.add(name);
  local.add(name);
  return name;
}
