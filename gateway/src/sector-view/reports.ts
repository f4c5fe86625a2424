import { GraphQLError } from 'graphql';
import { regionPrefixRange, scopedRegionPrefix, suppressSmallCells, type Identity } from '@saf/kit';
import type { AssistanceChange, AssistanceFeed } from './live';
import { collect, fanOutQuery, type AggregateFeeds } from './feeds';
import { toFen, toYuan } from './money';
import { EXIT_PREDICATES } from './rules';
import { reconcileSafetyNet, type RegisterEntry, type RosterEntry, type ReconciliationFinding } from './reconciliation';

/** Runs a query through the gateway itself (the caller's identity travels with it). */
export type GatewayQuery = (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

/** The context the in-process executor gives the sector view: a query bound to the caller's request. */
export interface SectorViewContext {
  query: GatewayQuery;
  /** The caller: its reports suppress small cells for analysts and dashboards. */
  identity: Identity;
  /** The departments' change feeds, merged per household (assistanceChanged). */
  live: AssistanceFeed;
}

const AGGREGATE_ARGS = 'regionPrefix: $regionPrefix, year: $year, groupBy: $groupBy';
const AGGREGATE_VARS = '$regionPrefix: String!, $year: Int!, $groupBy: RegionGrouping';

interface AggregateInput {
  regionPrefix: string;
  year: number;
  groupBy?: string;
}

interface FailureRow {
  predicate: string;
  department: string;
  householdIds: string[];
}

interface CoverageRow {
  regionCode: string;
  area: string;
  department: string;
  inNeed: number;
  covered: number;
  gap: number;
}

const share = (covered: number, inNeed: number) => (inNeed === 0 ? null : covered / inNeed);

/** A report row whose household counts may be suppressed for analysts and dashboards. */
type Cell = Record<string, any> & { suppressed?: boolean };

/** Keyset page over sorted IDs. */
function pageOf(ids: string[], first: number, after: string | null | undefined) {
  if (!Number.isInteger(first) || first < 0 || first > 1000) {
    throw new GraphQLError('first must be from 0 to 1000', { extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  }
  const start = after ? ids.findIndex((id) => id > after) : 0;
  const from = start < 0 ? ids.length : start;
  const slice = ids.slice(from, from + first);
  return {
    households: slice.map((id) => ({ __typename: 'Household', id })),
    totalCount: ids.length,
    hasNextPage: from + first < ids.length,
    endCursor: slice.length ? slice[slice.length - 1] : null,
  };
}

export function reportResolvers(feeds: AggregateFeeds) {
  async function coverageRows(query: GatewayQuery, args: AggregateInput): Promise<CoverageRow[]> {
    if (feeds.areaCoverage.length === 0) return [];
    const data = await query(fanOutQuery(feeds.areaCoverage, AGGREGATE_ARGS, '{ regionCode area department inNeed covered gap }', AGGREGATE_VARS), { ...args });
    return collect<CoverageRow>(data, feeds.areaCoverage.length);
  }

  return {
    Query: {
      async exitReadiness(_: unknown, args: { regionPrefix: string; year: number }, { query, identity }: SectorViewContext) {
        const document = `query SectorViewExit($regionPrefix: String!, $year: Int!) {
          inPoverty: householdsInPoverty(regionPrefix: $regionPrefix, year: $year)
          ${feeds.exitFailures.map((f, i) => `f${i}: ${f}(regionPrefix: $regionPrefix, year: $year) { predicate department householdIds }`).join('\n')}
        }`;
        const data = await query(document, { ...args });
        const inPoverty: string[] = data.inPoverty;
        const failures = collect<FailureRow>(data, feeds.exitFailures.length);
        const poor = new Set(inPoverty);
        const blockedIds = new Set<string>();
        const blockedBy = failures.map((f) => {
          const ids = f.householdIds.filter((id) => poor.has(id));
          ids.forEach((id) => blockedIds.add(id));
          return { predicate: f.predicate, department: f.department, households: ids.length };
        });
        const answered = new Set(failures.map((f) => f.predicate));
        const ready = inPoverty.filter((id) => !blockedIds.has(id));
        // The region's counts are one cell; each predicate's count another.
        const counts = suppressSmallCells(identity, [{ householdsInPoverty: inPoverty.length, exitReady: ready.length, blocked: blockedIds.size } as Cell], ['householdsInPoverty', 'exitReady', 'blocked'])[0];
        return {
          regionPrefix: args.regionPrefix,
          year: args.year,
          ...counts,
          blockedBy: suppressSmallCells(identity, blockedBy as Cell[], ['households']),
          unassessedPredicates: EXIT_PREDICATES.map((p) => p.predicate).filter((p) => !answered.has(p)),
          exitReadyHouseholds: (pageArgs: { first?: number; after?: string | null }) => pageOf(ready, pageArgs.first ?? 100, pageArgs.after),
        };
      },

      async areaCoverage(_: unknown, args: AggregateInput, { query, identity }: SectorViewContext) {
        const [rows, matrix] = await Promise.all([coverageRows(query, args), query('query SectorViewMatrix { dutyAreas { code leadFederated } }', {})]);
        const shared = rows.map((r) => ({ ...r, leadFederated: true, shareCovered: share(r.covered, r.inNeed) }) as Cell);
        const led = suppressSmallCells(identity, shared, ['inNeed', 'covered', 'gap'], ['shareCovered']);
        const notFederated = (matrix.dutyAreas as Array<{ code: string; leadFederated: boolean }>)
          .filter((a) => !a.leadFederated)
          .map((a) => ({ regionCode: args.regionPrefix, area: a.code, leadFederated: false, department: null, inNeed: null, covered: null, gap: null, shareCovered: null, suppressed: false }));
        return [...led, ...notFederated];
      },

      async measureTotals(_: unknown, args: AggregateInput, { query, identity }: SectorViewContext) {
        if (feeds.measureTotals.length === 0) return [];
        const selection = '{ regionCode department role area programme measures households amount }';
        const rows = collect<Cell>(await query(fanOutQuery(feeds.measureTotals, AGGREGATE_ARGS, selection, AGGREGATE_VARS), { ...args }), feeds.measureTotals.length);
        return suppressSmallCells(identity, rows, ['households'], ['measures', 'amount']);
      },

      async equalTreatment(_: unknown, args: { regionPrefix: string; year: number }, { query, identity }: SectorViewContext) {
        const [rows, places] = await Promise.all([
          coverageRows(query, { ...args, groupBy: 'VILLAGE' }),
          query('query SectorViewVillages($regionPrefix: String!) { villages(regionPrefix: $regionPrefix) { code isPoorVillage } }', { regionPrefix: args.regionPrefix }),
        ]);
        const poorVillage = new Map((places.villages as Array<{ code: string; isPoorVillage: boolean }>).map((v) => [v.code, v.isPoorVillage]));
        const villagesOf = (poor: boolean) => [...poorVillage.values()].filter((p) => p === poor).length;
        const byArea = new Map<string, { poor: CoverageRow[]; other: CoverageRow[] }>();
        for (const r of rows) {
          const entry = byArea.get(r.area) ?? { poor: [], other: [] };
          (poorVillage.get(r.regionCode) ? entry.poor : entry.other).push(r);
          byArea.set(r.area, entry);
        }
        const sum = (list: CoverageRow[], villages: number) => {
          const inNeed = list.reduce((n, r) => n + r.inNeed, 0);
          const covered = list.reduce((n, r) => n + r.covered, 0);
          return { villages, inNeed, covered, gap: list.reduce((n, r) => n + r.gap, 0), shareCovered: share(covered, inNeed) };
        };
        return [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([area, { poor, other }]) => {
          const [poorVillages, otherVillages] = suppressSmallCells(identity, [sum(poor, villagesOf(true)), sum(other, villagesOf(false))] as Cell[], ['inNeed', 'covered', 'gap'], ['shareCovered']);
          const difference = poorVillages.shareCovered == null || otherVillages.shareCovered == null ? null : poorVillages.shareCovered - otherVillages.shareCovered;
          return { area, poorVillages, otherVillages, difference };
        });
      },

      async safetyNetReconciliation(
        _: unknown,
        args: { regionPrefix: string; on: string; issues?: string[] | null; first?: number; after?: string | null },
        { query }: SectorViewContext,
      ) {
        const first = args.first ?? 100;
        if (!Number.isInteger(first) || first < 0 || first > 1000) {
          throw new GraphQLError('first must be from 0 to 1000', { extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
        }
        const data = await query(
          `query SectorViewRosters($regionPrefix: String!, $on: LocalDate!) {
            register: welfareRoster(regionPrefix: $regionPrefix) { householdId welfareCategory activePersonIds }
            roster: safetyNetRoster(regionPrefix: $regionPrefix, on: $on) { householdId programmes personIds }
          }`,
          { regionPrefix: args.regionPrefix, on: args.on },
        );
        const register = data.register as RegisterEntry[];
        const roster = data.roster as RosterEntry[];
        const known = new Set(register.map((r) => r.householdId));
        const unknown = roster.filter((r) => !known.has(r.householdId)).map((r) => r.householdId);
        const looked = unknown.length
          ? ((await query('query SectorViewLookup($ids: [HouseholdId!]!) { registerLookup(householdIds: $ids) { householdId welfareCategory activePersonIds } }', { ids: unknown }))
              .registerLookup as RegisterEntry[])
          : [];
        let findings: ReconciliationFinding[] = reconcileSafetyNet(register, roster, looked);
        if (args.issues?.length) findings = findings.filter((f) => args.issues!.includes(f.issue));
        const counts = new Map<string, number>();
        for (const f of findings) counts.set(f.issue, (counts.get(f.issue) ?? 0) + 1);
        const start = args.after ? findings.findIndex((f) => f.cursor > args.after!) : 0;
        const from = start < 0 ? findings.length : start;
        const page = findings.slice(from, from + first);
        return {
          findings: page.map((f) => ({ ...f, household: f.registerCategory === null ? null : { __typename: 'Household', id: f.householdId } })),
          totalCount: findings.length,
          countsByIssue: [...counts.entries()].map(([issue, count]) => ({ issue, count })),
          hasNextPage: from + first < findings.length,
          endCursor: page.length ? page[page.length - 1].cursor : null,
        };
      },

      async dibaoLineCheck(_: unknown, args: { regionPrefix: string; year: number; onlyBelow?: boolean }, { query }: SectorViewContext) {
        const data = await query(
          `query SectorViewLines($regionPrefix: String!, $year: Int!) {
            povertyLine(year: $year) { amount }
            countyDibaoLines(regionPrefix: $regionPrefix, year: $year) { countyCode year ruralYuanPerYear }
          }`,
          { regionPrefix: args.regionPrefix, year: args.year },
        );
        if (!data.povertyLine) {
          throw new GraphQLError(`No poverty line is recorded for ${args.year}`, { extensions: { code: 'NOT_FOUND', field: 'year' } });
        }
        const line = toFen(data.povertyLine.amount);
        const rows = (data.countyDibaoLines as Array<{ countyCode: string; year: number; ruralYuanPerYear: string }>).map((c) => {
          const dibao = toFen(c.ruralYuanPerYear);
          return {
            countyCode: c.countyCode,
            year: c.year,
            ruralDibaoLine: c.ruralYuanPerYear,
            povertyLine: data.povertyLine.amount,
            shortfall: toYuan(Math.max(0, line - dibao)),
            below: dibao < line,
          };
        });
        return args.onlyBelow ? rows.filter((r) => r.below) : rows;
      },
    },
    Subscription: {
      assistanceChanged: {
        subscribe: (_: unknown, args: { regionPrefix?: string | null }, { identity, live }: SectorViewContext) => {
          try {
            const prefix = args.regionPrefix ?? '';
            if (prefix) regionPrefixRange(prefix);
            return live.subscribe(identity, scopedRegionPrefix(identity, prefix) ?? '');
          } catch (error) {
            // Delivered as the stream's one event: the gateway relays errors inside a stream.
            return (async function* refused() {
              yield error as Error;
            })();
          }
        },
        resolve: (change: AssistanceChange | Error) => {
          if (change instanceof Error) throw change;
          return { ...change, household: { __typename: 'Household', id: change.householdId } };
        },
      },
    },
    ExitReadiness: {
      exitReadyHouseholds: (parent: { exitReadyHouseholds: (a: unknown) => unknown }, pageArgs: unknown) => parent.exitReadyHouseholds(pageArgs),
    },
  };
}
