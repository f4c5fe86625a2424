import { HouseholdBundle, MemberStatus, PovertyCause, PovertyStatus, Rng, Weighted, WelfareCategory } from '@saf/poverty-office';
import {
  AcceptanceResult,
  AppraisalMethod,
  DANGEROUS_RATINGS,
  DwellingRating,
  DwellingStructure,
  RenovationStatus,
  RenovationType,
  ResettlementMode,
} from '../codes';
import { day, formatDay, parseDay, timestampOn, yearOfDay } from './dates';
import * as P from './params';

/**
 * The housing department's records for one household of the register, deterministic per seed and
 * household: dwelling appraisals (history, the latest counts), renovation projects of C/D
 * dwellings with their lifecycle dates, and resettlement housing for relocated households.
 *
 * The records follow the register: C/D dwellings are likelier in poor villages and in households
 * that have not exited, fell ill or suffered a disaster; a household that exited had its
 * dangerous dwelling renovated (accepted) or moved into resettlement housing before its exit date
 * (住房安全有保障 is an exit condition); the remaining gaps (no project yet, works under way,
 * failed acceptance) sit with households that have not exited. Every date lies between the
 * household's identification and 2020-12-31.
 *
 * Rows use the tables' columns in camelCase; money is integer fen, areas square metres, dates
 * 'YYYY-MM-DD'. The finance generator pays renovation subsidies on acceptance from
 * `renovations[i]` (`id`, `householdId`, `acceptanceResult`, `acceptanceDate`, `subsidyFen`), see
 * `subsidiesPayable`.
 */

export interface DwellingAppraisalRow {
  id: string;
  householdId: string;
  rating: DwellingRating;
  appraisalDate: string;
  appraiser: string;
  method: AppraisalMethod;
  structure: DwellingStructure;
  floorArea: number;
  yearBuilt: number | null;
  dangerPoints: string | null;
  isLatest: boolean;
  recordedAt: string;
}

export interface RenovationProjectRow {
  id: string;
  householdId: string;
  appraisalId: string;
  type: RenovationType;
  status: RenovationStatus;
  planYear: number;
  approvalDate: string;
  startDate: string | null;
  completionDate: string | null;
  acceptanceDate: string | null;
  acceptanceResult: AcceptanceResult | null;
  acceptanceNote: string | null;
  moveInDate: string | null;
  floorArea: number | null;
  subsidyFen: number;
  selfRaisedFen: number;
  recordedAt: string;
  updatedAt: string;
}

export interface RelocationHousingRow {
  id: string;
  householdId: string;
  planYear: number;
  siteName: string;
  siteRegionCode: string | null;
  mode: ResettlementMode;
  unitArea: number;
  personsRelocated: number;
  allocationDate: string;
  handoverDate: string | null;
  moveInDate: string | null;
  oldHouseDemolished: boolean;
  demolitionDate: string | null;
  landReclaimed: boolean;
  subsidyFen: number;
  recordedAt: string;
  updatedAt: string;
}

export interface RelocationMemberRow {
  relocationId: string;
  personId: string;
  householdId: string;
}

export interface HousingRecords {
  householdId: string;
  /** Oldest first; the last one is the latest (isLatest). */
  appraisals: DwellingAppraisalRow[];
  /** In approval order. */
  renovations: RenovationProjectRow[];
  relocation: RelocationHousingRow | null;
  relocationMembers: RelocationMemberRow[];
}

/** A subsidy the finance department pays: a renovation that passed acceptance, on its acceptance date. */
export interface RenovationSubsidyDue {
  renovationId: string;
  householdId: string;
  acceptanceDate: string;
  subsidyFen: number;
}

/** The renovation subsidies due for a household's records (passed acceptance by 2020-12-31). */
export function subsidiesPayable(records: HousingRecords): RenovationSubsidyDue[] {
  return records.renovations
    .filter((r) => r.acceptanceResult === AcceptanceResult.PASSED && r.acceptanceDate !== null)
    .map((r) => ({ renovationId: r.id, householdId: r.householdId, acceptanceDate: r.acceptanceDate!, subsidyFen: r.subsidyFen }));
}

const STREAM_HOUSING = 0x4005;
const LAST = parseDay(P.LAST_DAY);
const FIRST_APPROVAL = parseDay(P.FIRST_APPROVAL_DAY);
const FIRST_RELOCATION = parseDay(P.FIRST_RELOCATION_DAY);
const DEADLINE = parseDay(P.RENOVATION_DEADLINE_DAY);
const COUNTY_RENAMED = day(2016, 7, 1);

const W = <T>(entries: ReadonlyArray<readonly [T, number]>) => new Weighted<T>(entries);
const STRUCTURES = {
  safe: W(P.STRUCTURES_SAFE),
  C: W(P.STRUCTURES_C),
  D: W(P.STRUCTURES_D),
  rebuilt: W(P.STRUCTURES_REBUILT),
};
const TYPE_FOR_D = W<RenovationType>([[RenovationType.REBUILD, 0.85], [RenovationType.REINFORCE, 0.1], [RenovationType.OTHER, 0.05]]);
const TYPE_FOR_C = W<RenovationType>([[RenovationType.REINFORCE, 0.78], [RenovationType.REBUILD, 0.17], [RenovationType.OTHER, 0.05]]);
const RELOCATED_RATING = W<DwellingRating>([[DwellingRating.D, 0.55], [DwellingRating.C, 0.3], [DwellingRating.B, 0.15]]);
const BUILD_DAYS: Record<RenovationType, readonly [number, number, number]> = {
  // [min, max, shortest when compressed]
  REINFORCE: [20, 90, 10],
  REBUILD: [60, 200, 30],
  OTHER: [15, 60, 7],
};

interface Dwelling {
  structure: DwellingStructure;
  floorArea: number;
  yearBuilt: number;
}

interface DraftAppraisal {
  day: number;
  rating: DwellingRating;
  dwelling: Dwelling;
  row?: DwellingAppraisalRow;
}

interface DraftRenovation {
  trigger: DraftAppraisal;
  type: RenovationType;
  approval: number;
  start: number | null;
  completion: number | null;
  acceptance: number | null;
  result: AcceptanceResult | null;
  note: string | null;
  moveIn: number | null;
  floorArea: number;
  subsidyFen: number;
  selfRaisedFen: number;
}

/** Whether the household ever had its dwelling rated C or D. */
export function everDangerous(records: HousingRecords): boolean {
  return records.appraisals.some((a) => DANGEROUS_RATINGS.has(a.rating));
}

export function housingRecordsFor(bundle: HouseholdBundle, seed: number): HousingRecords {
  return new HouseholdHousing(bundle, seed).build();
}

class HouseholdHousing {
  private readonly rng: Rng;
  private readonly id: string;
  private readonly identDay: number;
  /** The (first) exit date, also for households that fell back later. */
  private readonly exitDay: number | null;
  private readonly returnDay: number | null;
  private readonly status: PovertyStatus;
  private readonly deep: boolean;
  private readonly destitute: boolean;
  private readonly disaster: boolean;
  private readonly size: number;
  private readonly appraisals: DraftAppraisal[] = [];
  private readonly renovations: DraftRenovation[] = [];

  constructor(private readonly bundle: HouseholdBundle, seed: number) {
    const h = bundle.household;
    this.id = h.id;
    this.rng = Rng.derive(seed, STREAM_HOUSING, Number(h.id.slice(0, 8)), Number(h.id.slice(8)));
    this.identDay = parseDay(bundle.identificationDate);
    this.exitDay = bundle.exitDate ? parseDay(bundle.exitDate) : null;
    this.returnDay = bundle.returnDate ? parseDay(bundle.returnDate) : null;
    this.status = h.status;
    this.deep = h.welfareCategory !== WelfareCategory.GENERAL;
    this.destitute = h.welfareCategory === WelfareCategory.DESTITUTE || h.welfareCategory === WelfareCategory.DIBAO_DESTITUTE;
    this.disaster = h.mainCause === PovertyCause.DISASTER || h.otherCauses.includes(PovertyCause.DISASTER);
    this.size = bundle.members.filter((m) => m.memberStatus === MemberStatus.ACTIVE).length || 1;
  }

  build(): HousingRecords {
    const rng = this.rng;
    const h = this.bundle.household;
    const poorVillage = this.bundle.village.isPoor;

    // Relocation (易地扶贫搬迁): remote households, mostly in poor villages; before the last rounds.
    const relocationShare = (poorVillage ? P.RELOCATION_SHARE_POOR_VILLAGE : P.RELOCATION_SHARE_OTHER_VILLAGE) * (P.RELOCATION_REMOTE_CAUSES.has(h.mainCause) ? 2 : 1);
    const relocated = rng.bool(relocationShare) && h.identificationYear <= 2018;

    // The first appraisal of the dwelling.
    const rating = relocated ? rng.weighted(RELOCATED_RATING) : this.firstRating(poorVillage);
    const dangerous = DANGEROUS_RATINGS.has(rating);
    const lo = Math.max(this.identDay + 10, day(2014, 9, 1));
    let hi = Math.min(lo + 540, LAST - 60);
    // Housing safety is checked before an exit; a dangerous dwelling needs time to be renovated.
    if (this.exitDay !== null) hi = Math.min(hi, this.exitDay - (dangerous ? 240 : 20));
    const first = this.addAppraisal(rng.int(lo, Math.max(lo, hi)), rating, this.newDwelling(rating));

    let relocation: { row: RelocationHousingRow; members: RelocationMemberRow[] } | null = null;
    if (relocated) {
      relocation = this.relocate(first);
    } else if (dangerous) {
      this.renovate(first, this.exitDay !== null ? 'exited' : 'open');
    } else {
      this.laterAppraisals(first);
    }
    if (!relocated) this.verification2019();

    // IDs in date order; the last appraisal is the latest.
    this.appraisals.sort((a, b) => a.day - b.day);
    const appraisalRows = this.appraisals.map((a, i) => {
      a.row = this.appraisalRow(a, i + 1);
      return a.row;
    });
    if (appraisalRows.length) appraisalRows[appraisalRows.length - 1].isLatest = true;
    this.renovations.sort((a, b) => a.approval - b.approval);
    const renovationRows = this.renovations.map((r, i) => this.renovationRow(r, i + 1));
    return {
      householdId: this.id,
      appraisals: appraisalRows,
      renovations: renovationRows,
      relocation: relocation?.row ?? null,
      relocationMembers: relocation?.members ?? [],
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Ratings and dwellings

  private firstRating(poorVillage: boolean): DwellingRating {
    const rng = this.rng;
    const h = this.bundle.household;
    const M = P.DANGEROUS_MULTIPLIER;
    let p = P.DANGEROUS_BASE;
    if (poorVillage) p *= M.poorVillage;
    if (h.mainCause === PovertyCause.DISASTER) p *= M.disasterMain;
    else if (this.disaster) p *= M.disasterOther;
    if (h.mainCause === PovertyCause.ILLNESS) p *= M.illnessMain;
    if (h.mainCause === PovertyCause.LACK_OF_LABOUR) p *= M.lackOfLabour;
    if (this.status === PovertyStatus.NOT_EXITED) p *= M.notExited;
    if (this.status === PovertyStatus.RETURNED_TO_POVERTY) p *= M.returned;
    if (this.destitute) p *= M.destitute;
    if (rng.bool(Math.min(0.85, p))) {
      const dShare = P.D_SHARE + (this.disaster ? P.D_SHARE_DISASTER : 0) + (poorVillage ? P.D_SHARE_POOR_VILLAGE : 0);
      return rng.bool(dShare) ? DwellingRating.D : DwellingRating.C;
    }
    return rng.bool(P.A_SHARE) ? DwellingRating.A : DwellingRating.B;
  }

  private newDwelling(rating: DwellingRating): Dwelling {
    const rng = this.rng;
    const table = rating === DwellingRating.D ? STRUCTURES.D : rating === DwellingRating.C ? STRUCTURES.C : STRUCTURES.safe;
    const structure = rng.weighted(table);
    const [from, to] = P.YEAR_BUILT[structure];
    const area = Math.min(220, Math.max(20, 40 + 15 * this.size + rng.normal(0, 12)));
    return { structure, floorArea: Math.round(area * 10) / 10, yearBuilt: rng.int(from, to) };
  }

  private addAppraisal(d: number, rating: DwellingRating, dwelling: Dwelling): DraftAppraisal {
    // One appraisal per household and day (the table's natural key).
    while (this.appraisals.some((a) => a.day === d)) d++;
    const draft = { day: d, rating, dwelling };
    this.appraisals.push(draft);
    return draft;
  }

  private appraisalRow(a: DraftAppraisal, n: number): DwellingAppraisalRow {
    const rng = this.rng;
    const thirdParty = rng.bool(yearOfDay(a.day) >= 2018 ? 0.6 : 0.3);
    const bureau = a.day < COUNTY_RENAMED ? '开县城乡建设委员会' : '开州区住房和城乡建设委员会';
    const points = a.rating === DwellingRating.D ? P.DANGER_POINTS_D : a.rating === DwellingRating.C ? P.DANGER_POINTS_C : a.rating === DwellingRating.B ? P.DANGER_POINTS_B : null;
    let dangerPoints: string | null = null;
    if (points) {
      const picked = new Set<string>([rng.pick(points)]);
      if (a.rating !== DwellingRating.B && rng.bool(0.5)) picked.add(rng.pick(points));
      dangerPoints = [...picked].join('；');
    }
    return {
      id: `${this.id}-A${String(n).padStart(2, '0')}`,
      householdId: this.id,
      rating: a.rating,
      appraisalDate: formatDay(a.day),
      appraiser: thirdParty ? rng.pick(P.THIRD_PARTY_AGENCIES) : `${bureau}鉴定组`,
      method: thirdParty ? AppraisalMethod.THIRD_PARTY : AppraisalMethod.COUNTY_HOUSING_BUREAU,
      structure: a.dwelling.structure,
      floorArea: a.dwelling.floorArea,
      yearBuilt: Math.min(a.dwelling.yearBuilt, yearOfDay(a.day)),
      dangerPoints,
      isLatest: false,
      recordedAt: timestampOn(a.day + rng.int(0, 3)),
    };
  }

  /** A/B dwellings: some are found dangerous later (then renovated). */
  private laterAppraisals(first: DraftAppraisal): void {
    const rng = this.rng;
    const share = this.disaster ? P.DOWNGRADE_SHARE_DISASTER : P.DOWNGRADE_SHARE;
    const downgrade = rng.float();
    const postExit = rng.float();
    const rating = rng.bool(this.disaster ? 0.5 : 0.25) ? DwellingRating.D : DwellingRating.C;
    const from = first.day + 300;
    if (this.exitDay === null) {
      // Not exited: found dangerous before the 2019 deadline when possible.
      if (downgrade < share && from < LAST - 30) {
        const to = from < day(2019, 8, 31) ? day(2019, 8, 31) : LAST - 30;
        this.renovate(this.addAppraisal(rng.int(from, to), rating, first.dwelling), 'open');
      }
      return;
    }
    if (downgrade < share && from < this.exitDay - 240) {
      this.renovate(this.addAppraisal(rng.int(from, this.exitDay - 240), rating, first.dwelling), 'exited');
      return;
    }
    if (this.returnDay !== null && downgrade < 0.25 && this.returnDay + 30 < LAST - 30) {
      // Fell back into poverty: often the dwelling was damaged (disaster) or neglected (illness).
      this.renovate(this.addAppraisal(rng.int(this.returnDay + 30, LAST - 30), rating, first.dwelling), 'open');
      return;
    }
    const after = Math.max(this.exitDay + 60, from);
    if (postExit < P.POST_EXIT_DOWNGRADE_SHARE && after < LAST - 30) {
      this.renovate(this.addAppraisal(rng.int(after, LAST - 30), rating, first.dwelling), 'followUp');
    }
  }

  /** 2019 住房安全有保障 verification of households whose dwelling was last rated A/B before 2019. */
  private verification2019(): void {
    const rng = this.rng;
    const draw = rng.float();
    const latest = this.appraisals.reduce((a, b) => (b.day > a.day ? b : a));
    if (DANGEROUS_RATINGS.has(latest.rating) || latest.day >= day(2019, 1, 1) || this.identDay >= day(2019, 3, 1)) return;
    if (draw >= P.VERIFICATION_2019_SHARE) return;
    const rating = latest.rating === DwellingRating.A && rng.bool(0.1) ? DwellingRating.B : latest.rating;
    this.addAppraisal(day(2019, 3, 1) + rng.int(0, 250), rating, latest.dwelling);
  }

  // ---------------------------------------------------------------------------------------------
  // Renovation (危房改造)

  /**
   * 'exited': accepted before the exit date; 'open' (not exited, or fell back): accepted before the
   * 2019 deadline when the trigger allows, with gaps; 'followUp' (found after exit): as soon as it goes.
   */
  private renovate(trigger: DraftAppraisal, mode: 'exited' | 'open' | 'followUp'): void {
    const rng = this.rng;
    const gap = rng.float();
    const type = rng.weighted(trigger.rating === DwellingRating.D ? TYPE_FOR_D : TYPE_FOR_C);
    const [bMin, bMax, bShortest] = BUILD_DAYS[type];
    const prep = rng.int(20, 180);
    const durations = [rng.int(7, 60), rng.int(bMin, bMax), rng.int(5, 45)];
    const shortest = [2, bShortest, 2];
    const floorApproval = Math.max(trigger.day + 5, FIRST_APPROVAL);
    let deadline: number | null = null;
    const wronglyExited = rng.bool(P.RENOVATED_AFTER_EXIT);
    if (mode === 'exited' && !wronglyExited) deadline = this.exitDay! - rng.int(10, 45);
    else if (mode === 'open' && trigger.day <= day(2019, 6, 30)) deadline = DEADLINE - rng.int(0, 60);

    if (mode === 'open' && gap < P.GAP_NOT_APPROVED) return; // on the list, no project yet

    let approval = Math.max(trigger.day + prep, FIRST_APPROVAL + rng.int(0, 60));
    // Wrongly exited: the works were approved only around the exit and finished after it.
    if (mode === 'exited' && wronglyExited) approval = Math.max(approval, this.exitDay! - rng.int(0, 90));
    const total = durations.reduce((s, d) => s + d, 0);
    if (deadline !== null && approval + total > deadline) approval = Math.max(floorApproval, deadline - total - rng.int(0, 30));
    if (approval > LAST) return; // not approved before the end of the data
    const [start, completion, acceptance] = fit(approval, durations, shortest, deadline);

    const r: DraftRenovation = {
      trigger, type, approval, start, completion, acceptance,
      result: AcceptanceResult.PASSED, note: null, moveIn: null,
      floorArea: this.renovatedArea(type, trigger.dwelling), ...this.money(type),
    };
    if (mode === 'open' && gap < P.GAP_NOT_APPROVED + P.GAP_IN_PROGRESS) {
      // Works still under way at the end of the data.
      const stage = rng.int(0, 2);
      if (stage < 1) r.start = null;
      if (stage < 2) r.completion = null;
      r.acceptance = null;
      r.result = null;
    } else if (mode !== 'exited' && gap > 1 - P.GAP_FAILED) {
      r.note = rng.pick(['墙体砌筑质量不合格', '屋面防水未达标', '圈梁构造柱设置不足', '地基处理不到位']);
      if (rng.bool(0.5)) {
        r.result = AcceptanceResult.FAILED;
        r.note += '，限期整改';
      } else {
        r.acceptance = r.acceptance === null ? null : r.acceptance + rng.int(30, 120);
        r.note = `首次验收不合格（${r.note}），整改后复验合格`;
      }
    } else if (mode === 'exited' && gap < P.FIRST_INSPECTION_FAILED) {
      r.note = '首次验收不合格，整改后复验合格';
    }
    if (r.result === AcceptanceResult.PASSED && r.acceptance !== null && !rng.bool(P.NO_MOVE_IN_RECORDED)) {
      r.moveIn = r.acceptance + (type === RenovationType.REINFORCE ? rng.int(0, 20) : rng.int(0, 40));
    }
    this.truncate(r);
    this.renovations.push(r);

    // After a passed acceptance, half the dwellings are appraised again: the new rating.
    const reappraise = rng.float();
    if (r.result === AcceptanceResult.PASSED && r.acceptance !== null && reappraise < P.POST_RENOVATION_APPRAISAL_SHARE) {
      const d = r.acceptance + rng.int(15, 200);
      if (d <= LAST) {
        const rebuilt = type === RenovationType.REBUILD;
        const rating = rng.bool(rebuilt ? 0.85 : type === RenovationType.REINFORCE ? 0.35 : 0.5) ? DwellingRating.A : DwellingRating.B;
        const dwelling: Dwelling = rebuilt
          ? { structure: rng.weighted(STRUCTURES.rebuilt), floorArea: r.floorArea, yearBuilt: yearOfDay(r.completion!) }
          : trigger.dwelling;
        this.addAppraisal(d, rating, dwelling);
      }
    }
  }

  /** Nothing after the end of the data: later dates are dropped, with everything after them. */
  private truncate(r: DraftRenovation): void {
    if (r.start !== null && r.start > LAST) r.start = null;
    if (r.start === null || (r.completion !== null && r.completion > LAST)) r.completion = null;
    if (r.completion === null || (r.acceptance !== null && r.acceptance > LAST)) {
      r.acceptance = null;
      r.result = null;
      r.note = null;
    }
    if (r.acceptance === null || r.result !== AcceptanceResult.PASSED || (r.moveIn !== null && r.moveIn > LAST)) r.moveIn = null;
  }

  /** 建筑面积 of a rebuilt house follows the area control of the campaign; a reinforced one keeps its area. */
  private renovatedArea(type: RenovationType, dwelling: Dwelling): number {
    const rng = this.rng;
    if (type === RenovationType.REINFORCE) return dwelling.floorArea;
    if (type === RenovationType.OTHER) return rng.int(20, 60);
    const n = this.size;
    if (n === 1) return rng.int(20, 40);
    if (n === 2) return rng.int(30, 60);
    if (n === 3) return rng.int(40, 60);
    return n * rng.int(13, 18);
  }

  private money(type: RenovationType): { subsidyFen: number; selfRaisedFen: number } {
    const rng = this.rng;
    const [min, max] = P.SUBSIDY_YUAN[type];
    const subsidyYuan = rng.int(min / 100, max / 100) * 100 + (this.deep ? P.DEEP_POVERTY_TOP_UP_YUAN[type] : 0);
    let selfYuan: number;
    if (type === RenovationType.REBUILD) selfYuan = this.destitute ? rng.int(0, 30) * 100 : rng.int(50, 500) * 100;
    else if (type === RenovationType.REINFORCE) selfYuan = this.destitute ? 0 : rng.int(0, 80) * 100;
    else selfYuan = rng.int(0, 50) * 100;
    return { subsidyFen: subsidyYuan * 100, selfRaisedFen: selfYuan * 100 };
  }

  private renovationRow(r: DraftRenovation, n: number): RenovationProjectRow {
    let status = RenovationStatus.APPROVED;
    if (r.start !== null) status = RenovationStatus.STARTED;
    if (r.completion !== null) status = RenovationStatus.COMPLETED;
    if (r.result === AcceptanceResult.FAILED) status = RenovationStatus.FAILED_ACCEPTANCE;
    if (r.result === AcceptanceResult.PASSED) status = RenovationStatus.ACCEPTED;
    if (r.moveIn !== null) status = RenovationStatus.MOVED_IN;
    const last = [r.approval, r.start, r.completion, r.acceptance, r.moveIn].filter((d): d is number => d !== null).reduce((a, b) => Math.max(a, b));
    const date = (d: number | null) => (d === null ? null : formatDay(d));
    return {
      id: `${this.id}-R${String(n).padStart(2, '0')}`,
      householdId: this.id,
      appraisalId: r.trigger.row!.id,
      type: r.type,
      status,
      planYear: yearOfDay(r.approval),
      approvalDate: formatDay(r.approval),
      startDate: date(r.start),
      completionDate: date(r.completion),
      acceptanceDate: date(r.acceptance),
      acceptanceResult: r.result,
      acceptanceNote: r.note,
      moveInDate: date(r.moveIn),
      floorArea: r.floorArea,
      subsidyFen: r.subsidyFen,
      selfRaisedFen: r.selfRaisedFen,
      recordedAt: timestampOn(r.approval),
      updatedAt: timestampOn(last),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Relocation (易地扶贫搬迁): housing supports the development and reform commission

  private relocate(first: DraftAppraisal): { row: RelocationHousingRow; members: RelocationMemberRow[] } {
    const rng = this.rng;
    const gaps = [rng.int(60, 300), rng.int(0, 45)];
    const floor = Math.max(FIRST_RELOCATION, this.identDay + 30);
    let allocation: number;
    let target: number | null = null;
    if (this.exitDay !== null) {
      // 住房安全 is an exit condition: moved in before the exit.
      target = this.exitDay - rng.int(10, 60);
      allocation = Math.max(floor, target - gaps[0] - gaps[1] - rng.int(0, 200));
    } else {
      const years = P.RELOCATION_YEARS.filter(([y]) => y >= yearOfDay(this.identDay));
      const year = pickWeighted(rng, years.length ? years : [[2019, 1]]);
      allocation = Math.max(floor, day(year, 3, 1) + rng.int(0, 260));
    }
    const [handover, moveIn] = fit(allocation, gaps, [20, 0], target);
    // The old house was appraised before the relocation.
    if (first.day >= allocation) first.day = Math.max(this.identDay + 1, allocation - rng.int(20, 200));
    const demolish = rng.bool(P.OLD_HOUSE_DEMOLISHED_SHARE);
    const reclaim = rng.bool(P.LAND_RECLAIMED_SHARE);
    const handoverDay = handover <= LAST ? handover : null;
    const moveInDay = handoverDay !== null && moveIn <= LAST ? moveIn : null;
    let demolition: number | null = moveInDay !== null && demolish ? moveInDay + rng.int(20, 300) : null;
    if (demolition !== null && demolition > LAST) demolition = null;

    const allocationDate = formatDay(allocation);
    const members = this.bundle.members.filter((m) => m.memberStatus === MemberStatus.ACTIVE && m.birthDate <= allocationDate);
    const persons = members.length ? members : this.bundle.members.slice(0, 1);
    const id = `${this.id}-S01`;
    const centralised = rng.bool(P.RELOCATION_CENTRALISED_SHARE);
    const town = this.bundle.town;
    const dispersed = rng.pick(['城镇购房安置', '插花安置', '自建房安置'] as const);
    const perPerson = this.deep ? P.RELOCATION_SUBSIDY_PER_PERSON_YUAN.deep : P.RELOCATION_SUBSIDY_PER_PERSON_YUAN.general;
    const last = [allocation, handoverDay, moveInDay, demolition].filter((d): d is number => d !== null).reduce((a, b) => Math.max(a, b));
    const row: RelocationHousingRow = {
      id,
      householdId: this.id,
      planYear: yearOfDay(allocation),
      siteName: centralised ? `${town.name}${rng.pick(['移民新村', '扶贫搬迁安置点', '集中安置点', '安置小区'])}` : dispersed,
      siteRegionCode: centralised || dispersed !== '城镇购房安置' ? town.code : null,
      mode: centralised ? ResettlementMode.CENTRALISED : ResettlementMode.DISPERSED,
      unitArea: Math.round(persons.length * rng.real(20, 25) * 10) / 10,
      personsRelocated: persons.length,
      allocationDate,
      handoverDate: handoverDay === null ? null : formatDay(handoverDay),
      moveInDate: moveInDay === null ? null : formatDay(moveInDay),
      oldHouseDemolished: demolition !== null,
      demolitionDate: demolition === null ? null : formatDay(demolition),
      landReclaimed: demolition !== null && reclaim,
      subsidyFen: persons.length * perPerson * 100,
      recordedAt: timestampOn(allocation),
      updatedAt: timestampOn(last),
    };
    return { row, members: persons.map((m) => ({ relocationId: id, personId: m.id, householdId: this.id })) };
  }
}

/**
 * Lays durations end to end from `start`. With a deadline they are shrunk proportionally (not
 * below `shortest`) so that the last date falls on or before it; when even the shortest do not
 * fit, the durations stay as drawn (the deadline is missed: a realistic, rare gap).
 */
function fit(start: number, durations: readonly number[], shortest: readonly number[], deadline: number | null): number[] {
  const total = durations.reduce((s, d) => s + d, 0);
  let use = durations;
  if (deadline !== null && start + total > deadline) {
    const room = deadline - start;
    const minimum = shortest.reduce((s, d) => s + d, 0);
    if (room >= minimum) {
      const stretch = total - minimum;
      const scale = stretch > 0 ? (room - minimum) / stretch : 0;
      use = durations.map((d, i) => shortest[i] + Math.floor((d - shortest[i]) * scale));
    }
  }
  const dates: number[] = [];
  let at = start;
  for (const d of use) dates.push((at += d));
  return dates;
}

function pickWeighted(rng: Rng, weights: ReadonlyArray<readonly [number, number]>): number {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = rng.float() * total;
  for (const [value, w] of weights) {
    if (x < w) return value;
    x -= w;
  }
  return weights[weights.length - 1][0];
}
