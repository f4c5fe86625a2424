import { County, buildCounty, cadreRows, regionRows } from './county';
import { GenerationContext, HouseholdBundle, generateHousehold } from './household';
import { DEFAULT_POVERTY_LINES_YUAN, MAX_HOUSEHOLDS, PRESETS, RegisterPreset } from './params';
import { ResidentIdAllocator } from './residentIds';
import { RegisterRow } from './rows';

export interface GenerateOptions {
  /**
   * Also generate household visits and procedure steps (the bulk of the rows). Default true. Turning
   * it off changes nothing else: every other value comes out the same.
   */
  details?: boolean;
  /**
   * Poverty line in yuan per person per year, by year (missing years fall back to the defaults of
   * the reference data). Only incomes depend on it.
   */
  povertyLines?: Readonly<Record<number, number>>;
}

/** 'demo' = 2,000, 'county' = 30,000, 'province' = 2,000,000 households, or a number. */
export function resolveSize(size: number | RegisterPreset | string): number {
  const n = typeof size === 'number' ? size : size in PRESETS ? PRESETS[size as RegisterPreset] : Number(size);
  if (!Number.isInteger(n) || n < 1 || n > MAX_HOUSEHOLDS) {
    throw new RangeError(`size must be 'demo', 'county', 'province' or an integer between 1 and ${MAX_HOUSEHOLDS}, got ${String(size)}`);
  }
  return n;
}

/** Seeds are 32-bit unsigned integers; other integers are folded into that range. */
export function normaliseSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return seed >>> 0 === seed ? seed : (seed % 4294967296 + 4294967296) % 4294967296;
}

/** The towns and villages (and their household counts) of a generated county. Cheap. */
export function countyModel(size: number | RegisterPreset, seed: number): County {
  return buildCounty(resolveSize(size), normaliseSeed(seed));
}

export function povertyLineLookup(lines?: Readonly<Record<number, number>>): (year: number) => number {
  const merged: Record<number, number> = { ...DEFAULT_POVERTY_LINES_YUAN, ...(lines ?? {}) };
  return (year: number) => {
    const yuan = merged[year];
    if (yuan === undefined) throw new RangeError(`no poverty line for ${year}`);
    return Math.round(yuan * 100);
  };
}

/**
 * Walks every household of the register in order (village code, then sequence), each with its
 * members and all its rows. Streams: memory stays constant whatever the size. The same size and
 * seed always give the same households, so other departments' generators can walk the same
 * households and persons without a database.
 */
export function* iterateHouseholds(size: number | RegisterPreset, seed: number, options: GenerateOptions = {}): Generator<HouseholdBundle> {
  const county = countyModel(size, seed);
  yield* householdsOf(county, options);
}

/** Like iterateHouseholds, for a county model already built. */
export function* householdsOf(county: County, options: GenerateOptions = {}): Generator<HouseholdBundle> {
  const ctx: GenerationContext = {
    county,
    seed: county.seed,
    povertyLineFen: povertyLineLookup(options.povertyLines),
    residentIds: new ResidentIdAllocator(county.seed),
    details: options.details ?? true,
    schedules: { village: -1, identification: new Map(), exit: new Map() },
  };
  for (const town of county.towns) {
    for (let v = town.villageStart; v < town.villageStart + town.villageCount; v++) {
      const village = county.villages[v];
      for (let seq = 1; seq <= village.householdCount; seq++) yield generateHousehold(ctx, town, village, seq);
    }
  }
}

/** The rows of one household bundle, in foreign-key order. */
export function* bundleRows(b: HouseholdBundle): Generator<RegisterRow> {
  yield { table: 'household', row: b.household };
  for (const row of b.members) yield { table: 'person', row: stripAge(row) };
  for (const row of b.statusPeriods) yield { table: 'household_status_period', row };
  for (const row of b.incomes) yield { table: 'household_income', row };
  for (const row of b.visits) yield { table: 'household_visit', row };
  for (const row of b.cadreAssignments) yield { table: 'cadre_assignment', row };
  for (const row of b.procedureSteps) yield { table: 'procedure_step', row };
}

function stripAge<T extends { age: number }>(person: T): Omit<T, 'age'> {
  const { age: _age, ...row } = person;
  return row;
}

/**
 * Every row of the register, tagged with its table, in an order that satisfies the foreign keys:
 * regions (parents first), cadres, then household by household its household, person, status,
 * income, visit, cadre assignment and procedure step rows.
 */
export function* generateRegister(size: number | RegisterPreset, seed: number, options: GenerateOptions = {}): Generator<RegisterRow> {
  const county = countyModel(size, seed);
  for (const row of regionRows(county)) yield { table: 'region', row };
  for (const row of cadreRows(county)) yield { table: 'cadre', row };
  for (const bundle of householdsOf(county, options)) yield* bundleRows(bundle);
}
