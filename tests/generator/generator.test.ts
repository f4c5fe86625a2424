import { createHash } from 'node:crypto';
import {
  isValidHouseholdId,
  isValidPersonId,
  isValidRegionCode,
  isValidResidentId,
  parentRegionCode,
  residentIdBirthDate,
  residentIdSex,
} from '@saf/kit';
import {
  ALL_ADDRESS_CODES,
  DEFAULT_POVERTY_LINES_YUAN,
  HouseholdBundle,
  PRESETS,
  ProgressBar,
  RegisterRow,
  cadreRows,
  countyModel,
  generateRegister,
  iterateHouseholds,
  regionRows,
  resolveSize,
} from '../../subgraphs/poverty-office/src/generator';
import {
  EXIT_STEPS,
  HealthStatus,
  IDENTIFICATION_STEPS,
  POSTING_STEPS,
  PovertyCause,
  PovertyStatus,
  Relation,
  SchoolingStatus,
  UnitLevel,
  WelfareCategory,
} from '../../subgraphs/poverty-office/src/register/codes';

const SEED = 20240601;
const DEMO: HouseholdBundle[] = [...iterateHouseholds('demo', SEED)];
const persons = DEMO.flatMap((b) => b.members);
const share = (n: number, of: number) => (100 * n) / of;

function digest(bundles: Iterable<HouseholdBundle>): string {
  const hash = createHash('sha256');
  for (const b of bundles) hash.update(JSON.stringify({ ...b, town: b.town.code, village: b.village.code }));
  return hash.digest('hex');
}

describe('determinism', () => {
  it('gives identical data for the same seed and size', () => {
    expect(DEMO).toHaveLength(PRESETS.demo);
    expect(digest(iterateHouseholds(PRESETS.demo, SEED))).toBe(digest(DEMO));
  });

  it('gives different households, people and resident IDs for another seed', () => {
    const other = [...iterateHouseholds('demo', SEED + 1)];
    const ids = new Set(DEMO.map((b) => b.household.id));
    expect(other.filter((b) => !ids.has(b.household.id)).length).toBeGreaterThan(100);
    const residentIds = new Set(persons.map((p) => p.residentId));
    const otherPersons = other.flatMap((b) => b.members);
    expect(otherPersons.filter((p) => residentIds.has(p.residentId)).length).toBeLessThan(otherPersons.length * 0.01);
    expect(otherPersons.map((p) => p.name).slice(0, 50)).not.toEqual(persons.map((p) => p.name).slice(0, 50));
  });

  it('leaves everything else unchanged when visits and steps are skipped', () => {
    const lite = [...iterateHouseholds('demo', SEED, { details: false })];
    expect(lite.every((b) => b.visits.length === 0 && b.procedureSteps.length === 0)).toBe(true);
    const strip = (b: HouseholdBundle) => JSON.stringify([b.household, b.members, b.statusPeriods, b.incomes, b.cadreAssignments]);
    expect(lite.map(strip)).toEqual(DEMO.map(strip));
  });

  it('only changes incomes when the poverty lines change', () => {
    const lines = Object.fromEntries(Object.entries(DEFAULT_POVERTY_LINES_YUAN).map(([y, v]) => [y, v + 100]));
    const shifted = [...iterateHouseholds(300, SEED, { povertyLines: lines })];
    const base = [...iterateHouseholds(300, SEED)];
    const strip = (b: HouseholdBundle) => JSON.stringify([b.household, b.members, b.statusPeriods, b.visits, b.procedureSteps]);
    expect(shifted.map(strip)).toEqual(base.map(strip));
    expect(shifted[0].incomes[0].netIncomePerCapitaFen).not.toBe(base[0].incomes[0].netIncomePerCapitaFen);
  });
});

describe('identifiers', () => {
  it('makes valid, unique resident IDs that agree with birth date and sex', () => {
    const seen = new Set<string>();
    for (const p of persons) {
      expect(isValidResidentId(p.residentId)).toBe(true);
      expect(residentIdBirthDate(p.residentId)).toBe(p.birthDate);
      expect(residentIdSex(p.residentId)).toBe(p.sex);
      expect(ALL_ADDRESS_CODES).toContain(p.residentId.slice(0, 6));
      seen.add(p.residentId);
    }
    expect(seen.size).toBe(persons.length);
  });

  it('numbers households within their village and members within their household', () => {
    for (const b of DEMO) {
      const h = b.household;
      expect(isValidHouseholdId(h.id)).toBe(true);
      expect(h.id.startsWith(h.regionCode)).toBe(true);
      expect(h.regionCode).toBe(b.village.code);
      expect(h.id.slice(12)).toBe(String(b.index - b.village.householdStart + 1).padStart(4, '0'));
      b.members.forEach((m, i) => {
        expect(m.id).toBe(`${h.id}-${String(i + 1).padStart(2, '0')}`);
        expect(isValidPersonId(m.id)).toBe(true);
        expect(m.householdId).toBe(h.id);
      });
      expect(b.members.filter((m) => m.relation === Relation.HEAD)).toHaveLength(1);
      expect(b.members[0].relation).toBe(Relation.HEAD);
    }
  });
});

describe('county model', () => {
  it('scales Kaizhou: 40 towns, ~435 villages, 135 poor villages at county size', () => {
    const county = countyModel('county', SEED);
    expect(county.towns).toHaveLength(40);
    expect(county.villages.length).toBeGreaterThanOrEqual(430);
    expect(county.villages.length).toBeLessThanOrEqual(440);
    expect(county.poorVillageCount).toBe(135);
    expect(county.villages.reduce((s, v) => s + v.householdCount, 0)).toBe(30_000);
    const inPoor = county.villages.filter((v) => v.isPoor).reduce((s, v) => s + v.householdCount, 0);
    expect(share(inPoor, 30_000)).toBeCloseTo(37.32, 0);
    expect(Math.abs(county.cadreCount - 6000)).toBeLessThan(100);
  });

  it('makes a valid region tree in parent-first order with level-appropriate codes', () => {
    const county = countyModel('demo', SEED);
    const seen = new Set<string>();
    for (const r of regionRows(county)) {
      expect(isValidRegionCode(r.code)).toBe(true);
      expect(r.parentCode).toBe(parentRegionCode(r.code));
      if (r.parentCode) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
      if (r.level === 4) {
        expect(r.code.startsWith('500154')).toBe(true);
        const town = Number(r.code.slice(6, 9));
        expect(town >= 100 && town <= 399).toBe(true);
        expect(r.name).toMatch(town < 200 ? /^..镇$/ : /^..乡$/);
      }
      if (r.level === 5) {
        const village = Number(r.code.slice(9));
        expect(village >= 200 && village <= 399).toBe(true);
        expect(r.name).toMatch(/^..村$/);
      }
    }
    expect([...seen].slice(0, 3)).toEqual(['500000000000', '500100000000', '500154000000']);
    expect(county.poorVillageCount / county.villages.length).toBeGreaterThan(0.25);
  });

  it('puts about 37 % of poor people in poor villages', () => {
    const inPoor = DEMO.filter((b) => b.village.isPoor).reduce((s, b) => s + b.members.length, 0);
    expect(Math.abs(share(inPoor, persons.length) - 37.32)).toBeLessThan(4);
  });

  it('resolves presets and rejects bad sizes', () => {
    expect(resolveSize('demo')).toBe(2000);
    expect(resolveSize('county')).toBe(30_000);
    expect(resolveSize(17)).toBe(17);
    expect(() => resolveSize(0)).toThrow(RangeError);
    expect(() => resolveSize(2_000_001)).toThrow(RangeError);
    expect(() => resolveSize('huge')).toThrow(RangeError);
    expect([...iterateHouseholds(1, 3)]).toHaveLength(1);
  });
});

describe('households', () => {
  it('follows the Kaizhou cause distribution', () => {
    const count = (c: PovertyCause) => DEMO.filter((b) => b.household.mainCause === c).length;
    expect(Math.abs(share(count(PovertyCause.ILLNESS), DEMO.length) - 36.39)).toBeLessThan(3);
    expect(Math.abs(share(count(PovertyCause.SCHOOLING), DEMO.length) - 24.68)).toBeLessThan(3);
    expect(count(PovertyCause.LACK_OF_SKILLS)).toBeGreaterThan(count(PovertyCause.DISASTER));
    expect(count(PovertyCause.DISASTER)).toBeGreaterThan(0);
    expect(count(PovertyCause.LACK_OF_LABOUR)).toBeGreaterThan(0);
    for (const b of DEMO) {
      const { mainCause, otherCauses } = b.household;
      expect(otherCauses.length).toBeLessThanOrEqual(2);
      expect(otherCauses).not.toContain(mainCause);
      expect(new Set(otherCauses).size).toBe(otherCauses.length);
    }
  });

  it('makes the members fit the cause', () => {
    for (const b of DEMO) {
      const health = b.members.map((m) => m.healthStatus);
      if (b.household.mainCause === PovertyCause.ILLNESS) {
        expect(health.some((h) => h === HealthStatus.CHRONIC_ILLNESS || h === HealthStatus.SERIOUS_ILLNESS)).toBe(true);
      }
      if (b.household.mainCause === PovertyCause.DISABILITY) expect(health).toContain(HealthStatus.DISABLED);
      if (b.household.mainCause === PovertyCause.SCHOOLING) {
        expect(b.members.some((m) => m.schoolingStatus === SchoolingStatus.IN_SCHOOL)).toBe(true);
      }
    }
  });

  it('has 3.0-3.5 persons per household and about 21 % of people in dibao households', () => {
    expect(persons.length / DEMO.length).toBeGreaterThan(3.0);
    expect(persons.length / DEMO.length).toBeLessThan(3.5);
    const dibao = DEMO.filter((b) => b.household.welfareCategory === WelfareCategory.DIBAO || b.household.welfareCategory === WelfareCategory.DIBAO_DESTITUTE);
    const dibaoPeople = dibao.reduce((s, b) => s + b.members.length, 0);
    expect(share(dibaoPeople, persons.length)).toBeGreaterThan(17);
    expect(share(dibaoPeople, persons.length)).toBeLessThan(25);
    expect(DEMO.some((b) => b.household.welfareCategory === WelfareCategory.DESTITUTE)).toBe(true);
  });

  it('keeps education, schooling and labour consistent with age', () => {
    const compulsory = persons.filter((p) => p.age >= 6 && p.age <= 15);
    const outOfSchool = compulsory.filter((p) => p.schoolingStatus === SchoolingStatus.NOT_IN_SCHOOL);
    expect(outOfSchool.length).toBeGreaterThan(0);
    expect(share(outOfSchool.length, compulsory.length)).toBeLessThan(4);
    for (const p of persons) {
      if (p.age <= 5) expect(p.schoolingStatus).toBe(SchoolingStatus.PRE_SCHOOL);
      if (p.age > 22) expect(p.schoolingStatus).toBe(SchoolingStatus.NOT_IN_SCHOOL);
      if (p.age < 16) expect(p.labourCapacity).toBe('NONE');
      if (p.relation === Relation.SPOUSE || p.relation === Relation.HEAD) expect(p.age).toBeGreaterThanOrEqual(18);
    }
    // Parents are older than their children.
    for (const b of DEMO) {
      const head = b.members[0];
      for (const m of b.members) {
        if (m.relation === Relation.SON || m.relation === Relation.DAUGHTER) expect(head.age - m.age).toBeGreaterThanOrEqual(15);
        if (m.relation === Relation.FATHER || m.relation === Relation.MOTHER) expect(m.age - head.age).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('mostly shares the head’s surname', () => {
    const same = DEMO.reduce((s, b) => s + b.members.filter((m) => m.name[0] === b.members[0].name[0]).length, 0);
    expect(share(same, persons.length)).toBeGreaterThan(55);
  });
});

describe('status, income and procedures', () => {
  it('keeps a consistent effective-dated status history', () => {
    const statuses: Record<string, number> = {};
    for (const b of DEMO) {
      const periods = b.statusPeriods;
      expect(periods[0].status).toBe(PovertyStatus.NOT_EXITED);
      expect(periods[0].effectiveFrom).toBe(b.identificationDate);
      expect(periods.filter((p) => p.effectiveTo === null)).toHaveLength(1);
      expect(periods[periods.length - 1].effectiveTo).toBeNull();
      for (let i = 1; i < periods.length; i++) {
        expect(periods[i - 1].effectiveTo).toBe(periods[i].effectiveFrom);
        expect(periods[i].effectiveFrom > periods[i - 1].effectiveFrom).toBe(true);
      }
      expect(periods[periods.length - 1].status).toBe(b.household.status);
      if (b.exitDate) {
        expect(periods[1].status).toBe(PovertyStatus.EXITED_WITH_POLICY);
        expect(Number(b.exitDate.slice(0, 4))).toBe(b.household.exitYear);
        expect(b.household.exitYear! >= 2016 && b.household.exitYear! <= 2020).toBe(true);
        expect(b.household.exitYear!).toBeGreaterThan(b.household.identificationYear);
      } else {
        expect(b.household.exitYear).toBeNull();
      }
      statuses[b.household.status] = (statuses[b.household.status] ?? 0) + 1;
    }
    expect(share(statuses[PovertyStatus.EXITED_WITH_POLICY], DEMO.length)).toBeGreaterThan(90);
    expect(statuses[PovertyStatus.NOT_EXITED]).toBeGreaterThan(0);
    expect(statuses[PovertyStatus.RETURNED_TO_POVERTY]).toBeGreaterThan(0);
    const early = DEMO.filter((b) => b.household.identificationYear <= 2016).length;
    expect(share(early, DEMO.length)).toBeGreaterThan(90);
  });

  it('records one income per year that straddles the poverty line', () => {
    let notExited = 0;
    let notExitedBelow = 0;
    for (const b of DEMO) {
      const years = b.incomes.map((i) => i.year);
      expect(years[0]).toBe(b.household.identificationYear);
      expect(years[years.length - 1]).toBe(2020);
      expect(years).toHaveLength(2020 - b.household.identificationYear + 1);
      for (const i of b.incomes) {
        expect(i.householdSize).toBe(b.members.length);
        expect(Number.isInteger(i.netIncomePerCapitaFen)).toBe(true);
        const line = DEFAULT_POVERTY_LINES_YUAN[i.year] * 100;
        const exited = b.household.exitYear !== null && i.year >= b.household.exitYear && (b.returnDate === null || i.year < Number(b.returnDate.slice(0, 4)));
        if (exited) expect(i.netIncomePerCapitaFen).toBeGreaterThan(line);
      }
      if (b.household.status === PovertyStatus.NOT_EXITED) {
        notExited++;
        if (b.incomes[b.incomes.length - 1].netIncomePerCapitaFen < DEFAULT_POVERTY_LINES_YUAN[2020] * 100) notExitedBelow++;
      }
    }
    expect(share(notExitedBelow, notExited)).toBeGreaterThan(75);
  });

  it('writes the full identification procedure, and the exit procedure for exited households', () => {
    for (const b of DEMO) {
      const ident = b.procedureSteps.filter((s) => s.procedure === 'IDENTIFICATION');
      const exit = b.procedureSteps.filter((s) => s.procedure === 'EXIT');
      expect(ident.map((s) => s.step)).toEqual([...IDENTIFICATION_STEPS]);
      expect(exit.map((s) => s.step)).toEqual(b.exitDate ? [...EXIT_STEPS] : []);
      for (const steps of [ident, exit]) {
        steps.forEach((s, i) => {
          expect(s.stepOrder).toBe(i + 1);
          if (i > 0) expect(s.stepDate >= steps[i - 1].stepDate).toBe(true);
          expect(Object.values(UnitLevel)).toContain(s.actorLevel);
          expect(s.evidence.length).toBeGreaterThan(4);
          if (POSTING_STEPS.has(s.step)) {
            const days = (Date.parse(s.postingEnd!) - Date.parse(s.postingStart!)) / 86_400_000;
            expect(days).toBeGreaterThanOrEqual(7);
          } else {
            expect(s.postingStart).toBeNull();
          }
        });
      }
      expect(ident[ident.length - 1].stepDate).toBe(b.identificationDate);
      if (b.exitDate) expect(exit[exit.length - 1].stepDate).toBe(b.exitDate);
    }
  });

  it('visits a few times a year, with food, clothing or water problems only while poor', () => {
    const visits = DEMO.flatMap((b) => b.visits.map((v) => ({ v, b })));
    expect(visits.length / DEMO.length).toBeGreaterThan(8);
    let problems = 0;
    for (const { v, b } of visits) {
      expect(v.visitDate >= b.cadreAssignments[0].assignedFrom).toBe(true);
      expect(v.visitor.length).toBeGreaterThanOrEqual(2);
      if (!v.foodSecure || !v.clothingSecure || !v.drinkingWaterSafe) {
        problems++;
        const poor = b.exitDate === null || v.visitDate < b.exitDate || (b.returnDate !== null && v.visitDate >= b.returnDate);
        expect(poor).toBe(true);
      }
    }
    expect(share(problems, visits.length)).toBeGreaterThan(1);
    expect(share(problems, visits.length)).toBeLessThan(15);
  });

  it('assigns about one cadre to five households, at mixed unit levels', () => {
    const county = countyModel('demo', SEED);
    const cadres = [...cadreRows(county)];
    expect(Math.abs(cadres.length - DEMO.length / 5)).toBeLessThan(10);
    const ids = new Set(cadres.map((c) => c.id));
    for (const b of DEMO) for (const a of b.cadreAssignments) expect(ids.has(a.cadreId)).toBe(true);
    expect(new Set(cadres.map((c) => c.unitLevel)).size).toBeGreaterThanOrEqual(3);
    for (const c of cadres) expect(c.phone).toMatch(/^1[3-9][0-9]{9}$/);
    for (const b of DEMO.slice(0, 200)) {
      expect(b.household.phone).toMatch(/^1[3-9][0-9]{9}$/);
      expect(b.household.bankAccount).toMatch(/^[0-9]{19}$/);
    }
  });
});

describe('generateRegister', () => {
  it('emits every row once, in foreign-key order', () => {
    const order = ['region', 'cadre', 'household'];
    const rows: RegisterRow[] = [...generateRegister(60, 5)];
    let stage = 0;
    const households = new Set<string>();
    for (const r of rows) {
      const at = order.indexOf(r.table);
      if (at >= 0) {
        expect(at).toBeGreaterThanOrEqual(stage);
        stage = Math.max(stage, at);
      }
      if (r.table === 'household') households.add(r.row.id);
      if (r.table === 'person' || r.table === 'household_income') expect(households.has(r.row.householdId)).toBe(true);
      if (r.table === 'person') expect('age' in r.row).toBe(false);
    }
    expect(households.size).toBe(60);
    const bundles = [...iterateHouseholds(60, 5)];
    expect(rows.filter((r) => r.table === 'person')).toHaveLength(bundles.reduce((s, b) => s + b.members.length, 0));
  });
});

describe('progress bar', () => {
  it('prints a line every few seconds when not on a terminal, and a final line', () => {
    let t = 0;
    const out: string[] = [];
    const bar = new ProgressBar('load', { stream: { write: (s: string) => out.push(s), isTTY: false }, now: () => t });
    bar.update(0, 100);
    t = 1000;
    bar.update(10, 100);
    t = 6000;
    bar.update(50, 100);
    t = 8000;
    bar.update(100, 100);
    bar.update(100, 100);
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^load: +50\.0% 50\/100 households/);
    expect(out[2]).toBe('load: 100 households in 8.0 s (13/s)\n');
  });

  it('redraws one line on a terminal', () => {
    let t = 0;
    const out: string[] = [];
    const bar = new ProgressBar('load', { stream: { write: (s: string) => out.push(s), isTTY: true, columns: 100 }, now: () => t });
    t = 500;
    bar.update(25, 100);
    t = 1000;
    bar.update(100, 100);
    expect(out[0]).toMatch(/^\rload \[#+-+\] +25\.0% 25\/100 households 50\/s ETA 0:02\x1b\[K$/);
    expect(out[1]).toMatch(/^\rload: 100 households in 1\.0 s/);
    expect(out[1].endsWith('\n')).toBe(true);
  });
});
