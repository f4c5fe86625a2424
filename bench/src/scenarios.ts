/**
 * The benchmark scenarios: each a fixed GraphQL document whose variables are drawn at random from
 * the dataset for every request (bench/README.md explains each).
 */

export interface Dataset {
  county: string;
  towns: string[];
  households: string[];
  year: number;
}

export interface Scenario {
  id: string;
  title: string;
  query: string;
  variables(data: Dataset, random: () => number): Record<string, unknown>;
  /** Concurrency levels (connections) to measure at. */
  connections: number[];
}

const pick = <T>(list: T[], random: () => number): T => list[Math.floor(random() * list.length)];

const ASSISTANCE = `assistance(year: $year) {
  area status statusReason
  contributions { department role measures { recordType recordId programme amount sourceRecordId } verdict { needed met reason } }
}`;

export const S1: Scenario = {
  id: 'S1',
  title: 'one household: members, the full assistance view and the exit assessment',
  query: `query S1($id: HouseholdId!, $year: Int!) {
  household(id: $id) {
    id status welfareCategory members { id name birthDate relation }
    ${ASSISTANCE}
    exitAssessment(year: $year) { mayStartExit blockers { predicate reason } predicates { predicate department status evidence { recordType recordId date } } }
  }
}`,
  variables: (d, r) => ({ id: pick(d.households, r), year: d.year }),
  connections: [1, 8, 32],
};

/** S2 with a given page size (the SQL count must not grow with it). */
export function pageScenario(first: number): Scenario {
  return {
    id: first === 100 ? 'S2' : `S2/${first}`,
    title: `a page of ${first} households of a town with the assistance view`,
    query: `query S2($town: String!, $first: Int!, $year: Int!) {
  households(filter: { regionPrefix: $town }, first: $first) {
    nodes { id status members { id } ${ASSISTANCE} }
  }
}`,
    variables: (d, r) => ({ town: pick(d.towns, r), first, year: d.year }),
    connections: [1, 8],
  };
}

export const S3: Scenario = {
  id: 'S3',
  title: 'county dashboard: register, coverage per duty area and exit readiness, by town',
  query: `query S3($county: String!, $year: Int!) {
  registerTotals(regionPrefix: $county, year: $year, groupBy: TOWN) { regionCode status welfareCategory mainCause households persons }
  areaCoverage(regionPrefix: $county, year: $year, groupBy: TOWN) { regionCode area leadFederated inNeed covered gap shareCovered }
  exitReadiness(regionPrefix: $county, year: $year) { householdsInPoverty exitReady blocked blockedBy { predicate households } }
}`,
  variables: (d) => ({ county: d.county, year: d.year }),
  connections: [1, 4],
};

export const S4: Scenario = {
  id: 'S4',
  title: 'county-wide 两线合一 reconciliation (first page and counts)',
  query: `query S4($county: String!) {
  safetyNetReconciliation(regionPrefix: $county, on: "2020-12-31", first: 100) {
    totalCount countsByIssue { issue count } findings { householdId issue programme registerCategory personIds }
  }
}`,
  variables: (d) => ({ county: d.county }),
  connections: [1, 4],
};

let writes = 0;
export const S5: Scenario = {
  id: 'S5',
  title: 'a write: a household visit recorded in the register (idempotent, with a change event)',
  query: `mutation S5($id: HouseholdId!, $key: String!) {
  recordHouseholdVisit(householdId: $id, idempotencyKey: $key, input: { visitDate: "2020-12-01", visitor: "bench", foodSecure: true, clothingSecure: true, drinkingWaterSafe: true }) {
    visit { id visitDate } replayed
  }
}`,
  variables: (d, r) => ({ id: pick(d.households, r), key: `bench-${process.pid}-${Date.now()}-${writes++}` }),
  connections: [1, 8],
};

export const SCENARIOS = [S1, pageScenario(100), S3, S4, S5];
