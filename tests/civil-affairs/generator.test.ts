import { healthRecordsFor } from '@saf/health';
import { HealthStatus, HouseholdBundle, iterateHouseholds, PovertyCause, WelfareCategory } from '@saf/poverty-office';
import {
  civilAffairsRecordsFor,
  CivilAffairsRecords,
  civilAffairsParams,
  monthsOf,
  registerSequences,
  unregisteredCount,
  unregisteredRosterFor,
} from '@saf/civil-affairs';
import { dibaoLineFen } from '../../subgraphs/civil-affairs/src/reference/dibaoLines';

/** The civil-affairs generator on its own: no database. */

const SIZE = 3000;
const SEED = 7;
const REF = civilAffairsParams.REFERENCE_DATE;
let bundles: HouseholdBundle[];
let records: CivilAffairsRecords[];

beforeAll(() => {
  bundles = [...iterateHouseholds(SIZE, SEED, { details: false })];
  records = bundles.map((b) => civilAffairsRecordsFor(b, SEED));
});

const activeOn = (p: { startDate: string; endDate: string | null }, d: string) => p.startDate <= d && (p.endDate === null || d <= p.endDate);
const isDibaoCategory = (c: WelfareCategory) => c === WelfareCategory.DIBAO || c === WelfareCategory.DIBAO_DESTITUTE;
const share = (n: number, d: number) => n / d;

describe('determinism', () => {
  it('gives the same records for the same bundle and seed, whatever the order, and different ones for another seed', () => {
    const sample = bundles.slice(100, 160);
    const again = [...sample].reverse().map((b) => civilAffairsRecordsFor(b, SEED)).reverse();
    expect(again).toEqual(records.slice(100, 160));
    const other = sample.map((b) => civilAffairsRecordsFor(b, SEED + 1));
    expect(other).not.toEqual(records.slice(100, 160));
    expect(unregisteredRosterFor(SIZE, SEED)).toEqual(unregisteredRosterFor(SIZE, SEED));
  });

  it('leaves payables out on request without changing anything else', () => {
    const b = bundles.find((x) => isDibaoCategory(x.household.welfareCategory))!;
    const full = civilAffairsRecordsFor(b, SEED);
    const lean = civilAffairsRecordsFor(b, SEED, { payables: false });
    expect(lean.payables).toEqual([]);
    expect({ ...lean, payables: full.payables }).toEqual(full);
  });
});

describe('following the register (两线合一)', () => {
  it('gives most register-dibao households an enrolment in force covering their members, and a few deliberately none', () => {
    const dibao = bundles.map((b, i) => ({ b, r: records[i] })).filter(({ b }) => isDibaoCategory(b.household.welfareCategory));
    expect(dibao.length).toBeGreaterThan(SIZE * 0.15);
    const active = dibao.filter(({ r }) => r.dibaoEnrolments.some((e) => activeOn(e, REF)));
    expect(share(active.length, dibao.length)).toBeGreaterThan(0.9);
    expect(share(active.length, dibao.length)).toBeLessThan(0.97);
    const fullyCovered = active.filter(({ b, r }) => {
      const e = r.dibaoEnrolments.find((x) => activeOn(x, REF))!;
      const covered = new Set(r.dibaoCoveredPersons.filter((c) => c.enrolmentId === e.id && activeOn({ startDate: c.coveredFrom, endDate: c.coveredTo }, REF)).map((c) => c.personId));
      return b.members.every((m) => covered.has(m.id)) && covered.size === b.members.length;
    });
    expect(share(fullyCovered.length, active.length)).toBeGreaterThan(0.88);
    // The ones without are recorded as ground truth, with the two causes.
    const missing = dibao.filter(({ r }) => r.mismatches.some((m) => m.kind === 'NO_ACTIVE_DIBAO'));
    expect(missing.length).toBe(dibao.length - active.length);
    const causes = new Set(missing.flatMap(({ r }) => r.mismatches.map((m) => m.cause)));
    expect(causes).toEqual(new Set(['NEVER_ENROLLED', 'ENDED']));
  });

  it('puts a few enrolments on GENERAL households, recorded as mismatches', () => {
    const enrolmentsInForce = records.flatMap((r) => r.dibaoEnrolments.filter((e) => activeOn(e, REF)));
    const onGeneral = bundles.filter((b, i) => b.household.welfareCategory === WelfareCategory.GENERAL && records[i].dibaoEnrolments.some((e) => activeOn(e, REF)));
    expect(onGeneral.length).toBeGreaterThan(0);
    expect(share(onGeneral.length, enrolmentsInForce.length)).toBeLessThan(0.08);
    const flagged = records.filter((r) => r.mismatches.some((m) => m.kind === 'DIBAO_ON_NON_DIBAO_HOUSEHOLD'));
    expect(flagged.map((r) => r.householdId).sort()).toEqual(onGeneral.map((b) => b.household.id).sort());
    // GENERAL households may also have had dibao in the past: that is consistent, not a mismatch.
    const past = bundles.filter((b, i) => b.household.welfareCategory === WelfareCategory.GENERAL && records[i].dibaoEnrolments.length > 0 && !records[i].dibaoEnrolments.some((e) => activeOn(e, REF)));
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((b) => records[bundles.indexOf(b)].mismatches.length === 0)).toBe(true);
  });

  it('covers a different set of persons on some enrolments: a member left out, or a person the register does not list', () => {
    const all = records.flatMap((r) => r.mismatches);
    const leftOut = all.filter((m) => m.kind === 'MEMBER_NOT_COVERED');
    const nonMembers = all.filter((m) => m.kind === 'COVERED_PERSON_NOT_MEMBER');
    expect(leftOut.length).toBeGreaterThan(0);
    expect(nonMembers.length).toBeGreaterThan(0);
    const members = new Set(bundles.flatMap((b) => b.members.map((m) => m.id)));
    for (const m of nonMembers) {
      expect(members.has(m.personId!)).toBe(false);
      expect(m.personId!.startsWith(m.householdId)).toBe(true);
    }
    for (const m of leftOut) expect(members.has(m.personId!)).toBe(true);
  });

  it('gives destitute support to the members of DESTITUTE and DIBAO_DESTITUTE households only', () => {
    bundles.forEach((b, i) => {
      const destitute = b.household.welfareCategory === WelfareCategory.DESTITUTE || b.household.welfareCategory === WelfareCategory.DIBAO_DESTITUTE;
      const supported = records[i].destituteSupports.map((s) => s.personId).sort();
      expect(supported).toEqual(destitute ? b.members.map((m) => m.id).sort() : []);
    });
    const supports = records.flatMap((r) => r.destituteSupports);
    expect(supports.length).toBeGreaterThan(0);
    for (const s of supports) expect(s.mode === 'INSTITUTIONAL').toBe(s.institutionName !== null);
  });

  it('makes legacy roster entries for households the register does not have, with sequences it never uses', () => {
    const roster = unregisteredRosterFor(SIZE, SEED);
    expect(roster).toHaveLength(unregisteredCount(SIZE));
    const registered = new Set(bundles.map((b) => b.household.id));
    const sequences = registerSequences(SIZE, SEED);
    for (const r of roster) {
      expect(r.inRegister).toBe(false);
      expect(registered.has(r.householdId)).toBe(false);
      expect(Number(r.householdId.slice(12))).toBeGreaterThanOrEqual(9001);
      expect(sequences.get(r.householdId.slice(0, 12))).toBeLessThan(9001);
      expect(r.dibaoEnrolments.length + r.destituteSupports.length).toBeGreaterThan(0);
      expect(r.mismatches.length).toBeGreaterThan(0);
      expect(r.mismatches.every((m) => m.kind === 'HOUSEHOLD_NOT_IN_REGISTER')).toBe(true);
      for (const c of r.dibaoCoveredPersons) expect(c.personId).toMatch(new RegExp(`^${r.householdId}-[0-9]{2}$`));
    }
    // The register numbers each village 1..n: the sequences above n are free.
    for (const b of bundles) expect(Number(b.household.id.slice(12))).toBeLessThanOrEqual(sequences.get(b.household.id.slice(0, 12))!);
  });
});

describe('the records obey the rules the mutations enforce', () => {
  it('keeps dibao amounts within the line, income below it, coverage inside the enrolment, re-checks in order', () => {
    for (const r of records) {
      for (const e of r.dibaoEnrolments) {
        const covered = r.dibaoCoveredPersons.filter((c) => c.enrolmentId === e.id);
        const atStart = covered.filter((c) => c.coveredFrom === e.startDate).length;
        expect(atStart).toBeGreaterThan(0);
        expect(e.assessedIncomeMonthlyFen).toBeLessThan(e.dibaoLineMonthlyFen);
        expect(e.approvedMonthlyAmountFen).toBeGreaterThan(0);
        expect(e.approvedMonthlyAmountFen).toBeLessThanOrEqual(e.dibaoLineMonthlyFen * atStart);
        expect(e.applicationDate <= e.approvalDate && e.applicationDate <= e.startDate).toBe(true);
        expect(e.startDate >= '2013-01-01').toBe(true);
        for (const c of covered) {
          expect(c.coveredFrom >= e.startDate).toBe(true);
          expect(c.coveredTo).toBe(e.endDate);
        }
        const rechecks = r.dibaoRechecks.filter((c) => c.enrolmentId === e.id);
        let previous = e.startDate;
        for (const c of rechecks) {
          expect(c.recheckDate > previous).toBe(true);
          previous = c.recheckDate;
          if (c.result === 'STOP') expect(c.recheckDate).toBe(e.endDate);
          else {
            expect(c.assessedIncomeMonthlyFen).toBeLessThan(c.dibaoLineMonthlyFen);
            expect(c.newMonthlyAmountFen!).toBeLessThanOrEqual(c.dibaoLineMonthlyFen * c.personsCovered);
          }
        }
        const lastAmount = [...rechecks].reverse().find((c) => c.newMonthlyAmountFen !== null)?.newMonthlyAmountFen ?? e.approvedMonthlyAmountFen;
        expect(e.monthlyAmountFen).toBe(lastAmount);
        if (e.endDate === null) expect(e.startDate <= REF).toBe(true);
      }
    }
  });

  it('re-checks every 6 or 12 months, adjusting when the line rises', () => {
    const rechecks = records.flatMap((r) => r.dibaoRechecks);
    const enrolments = records.flatMap((r) => r.dibaoEnrolments);
    const perYear = rechecks.length / enrolments.reduce((s, e) => s + (Date.parse(e.endDate ?? REF) - Date.parse(e.startDate)) / 3.156e10, 0);
    expect(perYear).toBeGreaterThan(0.9);
    expect(perYear).toBeLessThan(2.2);
    const results = new Set(rechecks.map((c) => c.result));
    expect(results).toEqual(new Set(['CONTINUE', 'ADJUST', 'STOP']));
    expect(new Set(enrolments.map((e) => e.recheckIntervalMonths))).toEqual(new Set([6, 12]));
  });

  it('derives monthly amounts from a rural line that rises every year', () => {
    for (let y = 2014; y < 2020; y++) expect(dibaoLineFen('RURAL' as never, y + 1)).toBeGreaterThan(dibaoLineFen('RURAL' as never, y));
    expect(dibaoLineFen('RURAL' as never, 2014) * 12).toBeGreaterThanOrEqual(280000);
    expect(dibaoLineFen('RURAL' as never, 2020) * 12).toBeGreaterThanOrEqual(440000);
  });
});

describe('other programmes follow the register', () => {
  it('gives illness- and disaster-caused households more temporary assistance, a few per hundred households a year', () => {
    const rate = (pred: (b: HouseholdBundle) => boolean) => {
      const idx = bundles.map((b, i) => (pred(b) ? i : -1)).filter((i) => i >= 0);
      return idx.reduce((s, i) => s + records[i].temporaryAssistance.length, 0) / idx.length / 6.25;
    };
    const overall = rate(() => true);
    expect(overall).toBeGreaterThan(0.02);
    expect(overall).toBeLessThan(0.08);
    const illness = rate((b) => b.household.mainCause === PovertyCause.ILLNESS);
    const disaster = rate((b) => b.household.mainCause === PovertyCause.DISASTER);
    const other = rate((b) => b.household.mainCause === PovertyCause.LACK_OF_SKILLS);
    expect(illness).toBeGreaterThan(other * 1.5);
    expect(disaster).toBeGreaterThan(other * 1.5);
    for (const t of records.flatMap((r) => r.temporaryAssistance)) {
      expect(t.cashAmountFen > 0 || t.inKindDescription !== null).toBe(true);
      if (t.procedure === 'EMERGENCY') expect(t.cause).toBe('EMERGENCY');
      expect(t.approvalDate >= t.eventDate && t.approvalDate <= REF).toBe(true);
    }
  });

  it('pays disability allowances to DISABLED members only: nursing for grades 1–2, living allowance while dibao covers them', () => {
    const disabled = new Set(bundles.flatMap((b) => b.members.filter((m) => m.healthStatus === HealthStatus.DISABLED).map((m) => m.id)));
    const allowances = records.flatMap((r) => r.disabilityAllowances);
    expect(allowances.length).toBeGreaterThan(0);
    for (const a of allowances) {
      expect(disabled.has(a.personId)).toBe(true);
      expect(a.startDate >= '2016-01-01').toBe(true);
      if (a.type === 'NURSING_SUBSIDY') expect(a.disabilityGrade).toBeLessThanOrEqual(2);
    }
    for (const r of records) {
      for (const a of r.disabilityAllowances.filter((x) => x.type === 'LIVING_ALLOWANCE')) {
        expect(r.dibaoCoveredPersons.some((c) => c.personId === a.personId && c.coveredFrom <= a.startDate && (c.coveredTo === null || a.startDate <= c.coveredTo))).toBe(true);
      }
    }
  });

  it('records medical assistance as the health department does: its civil-affairs premium subsidies and the assistance part of its settlements', () => {
    let premiums = 0;
    let treatments = 0;
    bundles.slice(0, 600).forEach((b, i) => {
      const health = healthRecordsFor(b, SEED);
      const grants = records[i].medicalAssistance;
      const subsidies = health.premiumSubsidies.filter((p) => p.subsidisingDepartment === 'CIVIL_AFFAIRS');
      const assisted = health.hospitalSettlements.filter((s) => s.medicalAssistanceFen > 0);
      const premium = grants.filter((m) => m.type === 'PREMIUM_SUBSIDY');
      const treatment = grants.filter((m) => m.type === 'TREATMENT');
      expect(premium.map((m) => [m.insuranceEnrolmentId, m.personId, m.year, m.amountFen]).sort()).toEqual(subsidies.map((p) => [p.enrolmentId, p.personId, p.year, p.amountFen]).sort());
      expect(treatment.map((m) => [m.settlementNumber, m.personId, m.grantDate, m.amountFen]).sort()).toEqual(assisted.map((s) => [s.settlementNumber, s.personId, s.dischargedOn, s.medicalAssistanceFen]).sort());
      for (const m of treatment) expect(m.amountFen).toBeLessThanOrEqual(m.selfPaidCostFen!);
      for (const m of premium) expect([Number(m.grantDate.slice(0, 4)), Number(m.grantDate.slice(0, 4)) + 1]).toContain(m.year);
      premiums += premium.length;
      treatments += treatment.length;
      // Premium subsidies go to dibao and destitute households only.
      if (premium.length) expect(b.household.welfareCategory).not.toBe(WelfareCategory.GENERAL);
    });
    expect(premiums).toBeGreaterThan(0);
    expect(treatments).toBeGreaterThan(0);
  });

  it('generates medical assistance for the legacy roster persons it covers, without health references', () => {
    const roster = unregisteredRosterFor(SIZE, SEED);
    const grants = roster.flatMap((r) => r.medicalAssistance);
    expect(grants.length).toBeGreaterThan(0);
    for (const r of roster) {
      const covered = new Set([...r.dibaoCoveredPersons.map((c) => c.personId), ...r.destituteSupports.map((s) => s.personId)]);
      for (const m of r.medicalAssistance) {
        expect(covered.has(m.personId)).toBe(true);
        expect(m.settlementNumber).toBeNull();
        expect(m.insuranceEnrolmentId).toBeNull();
      }
    }
  });
});

describe('payables for finance', () => {
  it('pays dibao every month in force with the amount in force, and one-off grants once', () => {
    const r = records.find((x) => x.dibaoEnrolments.some((e) => e.endDate === null && e.startDate < '2015-01-01'))!;
    const e = r.dibaoEnrolments.find((x) => x.endDate === null)!;
    const items = r.payables.filter((p) => p.recordId === e.id);
    expect(items.map((p) => p.period)).toEqual(monthsOf(e.startDate, null));
    expect(items.every((p) => p.programme === 'DIBAO' && p.householdId === r.householdId && p.personId === null && p.dutyArea === 'SOCIAL_SAFETY_NET')).toBe(true);
    expect(items[0].amountFen).toBe(e.approvedMonthlyAmountFen);
    expect(items.at(-1)!.amountFen).toBe(e.monthlyAmountFen);
    const all = records.flatMap((x) => x.payables);
    const medical = all.filter((p) => p.programme.startsWith('MEDICAL_ASSISTANCE'));
    expect(medical.length).toBe(records.reduce((s, x) => s + x.medicalAssistance.length, 0));
    expect(medical.every((p) => p.dutyArea === 'HEALTH' && p.personId !== null && p.healthReference !== null)).toBe(true);
    expect(all.every((p) => Number.isSafeInteger(p.amountFen) && p.amountFen > 0 && /^\d{4}-\d{2}-\d{2}$/.test(p.dueDate))).toBe(true);
    const institutional = all.filter((p) => p.programme === 'DESTITUTE_SUPPORT' && p.payee === 'INSTITUTION');
    expect(institutional.every((p) => p.payeeName !== null)).toBe(true);
  });
});
