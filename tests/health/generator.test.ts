import { HouseholdBundle, iterateHouseholds } from '@saf/poverty-office';
import { healthRecordsFor, HealthRecords } from '@saf/health';

/** The health generator on generated rows, without a database: determinism and distributions. */

const SIZE = 1500;
const households: HouseholdBundle[] = [...iterateHouseholds(SIZE, 1, { details: false })];
const records: HealthRecords[] = households.map((b) => healthRecordsFor(b, 1));
const pairs = households.map((b, i) => ({ b, r: records[i] }));

const activeKeys = (r: HealthRecords) => new Set(r.enrolments.filter((e) => e.cancelledOn === null).map((e) => `${e.personId}:${e.year}:${e.scheme}`));
const covered = (keys: Set<string>, personId: string, year: number) => keys.has(`${personId}:${year}:BASIC`) && keys.has(`${personId}:${year}:CRITICAL_ILLNESS`);
const bornBy = (birthDate: string, year: number) => birthDate <= `${year}-12-24`;
const isIllnessHousehold = (b: HouseholdBundle) => b.household.mainCause === 'ILLNESS' || (b.household.otherCauses as string[]).includes('ILLNESS');
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** Row checks collect the rows that break a rule (one expect per rule keeps the file fast). */
function violations<T>(rows: Iterable<T>, rules: Record<string, (row: T) => boolean>): Record<string, T[]> {
  const found: Record<string, T[]> = {};
  for (const row of rows) {
    for (const [name, ok] of Object.entries(rules)) if (!ok(row)) (found[name] ??= []).length < 3 && found[name].push(row);
  }
  return found;
}

describe('determinism', () => {
  it('gives the same records for the same household and seed, whatever else was generated', () => {
    const again = [...iterateHouseholds(SIZE, 1, { details: false })].slice(700, 720).map((b) => healthRecordsFor(b, 1));
    expect(again).toEqual(records.slice(700, 720));
    expect(healthRecordsFor(households[3], 1)).toEqual(records[3]);
  });

  it('gives other records for another seed', () => {
    const other = households.slice(0, 50).map((b) => healthRecordsFor(b, 2));
    expect(JSON.stringify(other)).not.toEqual(JSON.stringify(records.slice(0, 50)));
  });
});

describe('insurance enrolment', () => {
  it('keeps natural IDs and consistent premiums, subsidies and dates', () => {
    const enrolments = pairs.flatMap(({ r }) => r.enrolments);
    expect(new Set(enrolments.map((e) => e.id)).size).toBe(enrolments.length);
    expect(enrolments.length).toBeGreaterThan(SIZE * 40);
    expect(
      violations(enrolments, {
        naturalId: (e) => e.id === `${e.personId}:${e.year}:${e.scheme}`,
        partsWithinPremium: (e) => e.individualContributionFen + e.subsidyFen <= e.premiumFen,
        individualPlusSubsidyIsPremium: (e) => e.scheme === 'CRITICAL_ILLNESS' || e.individualContributionFen + e.subsidyFen === e.premiumFen,
        status: (e) => e.subsidyStatus === (e.subsidyFen === 0 ? 'NONE' : e.individualContributionFen === 0 ? 'FULL' : 'PARTIAL'),
        departmentWithSubsidy: (e) => (e.subsidisingDepartment === null) === (e.subsidyFen === 0),
        enrolmentWindow: (e) => e.enrolledOn >= `${e.year - 1}-07-01` && e.enrolledOn <= `${e.year}-12-31`,
        cancellation: (e) => e.cancelledOn === null || e.cancelledOn >= e.enrolledOn,
      }),
    ).toEqual({});
  });

  it('enrols every member born by then in basic and critical-illness insurance each year 2014–2020, with a small share missing', () => {
    let personYears = 0;
    let gaps = 0;
    for (const { b, r } of pairs) {
      const keys = activeKeys(r);
      for (const m of b.members) {
        for (let year = 2014; year <= 2020; year++) {
          if (!bornBy(m.birthDate, year)) continue;
          personYears++;
          if (!covered(keys, m.id, year)) gaps++;
        }
      }
    }
    expect(gaps / personYears).toBeGreaterThan(0.002);
    expect(gaps / personYears).toBeLessThan(0.03);
    const beforeBirth = pairs.flatMap(({ b, r }) => r.enrolments.filter((e) => e.enrolledOn < b.members.find((m) => m.id === e.personId)!.birthDate));
    expect(beforeBirth).toEqual([]);
  });

  it('concentrates the gaps in households still poor, and exited households had none in their exit year', () => {
    const share = (status: string) => {
      const group = pairs.filter(({ b }) => b.household.status === status);
      const withGap = group.filter(({ b, r }) => {
        const keys = activeKeys(r);
        return b.members.some((m) => bornBy(m.birthDate, 2020) && !covered(keys, m.id, 2020));
      });
      return { households: group.length, share: withGap.length / group.length };
    };
    const notExited = share('NOT_EXITED');
    const exited = share('EXITED_WITH_POLICY');
    expect(notExited.households).toBeGreaterThan(20);
    expect(notExited.share).toBeGreaterThan(3 * exited.share);
    expect(exited.share).toBeGreaterThan(0);
    const exitYearGaps = pairs
      .filter(({ b }) => b.household.status === 'EXITED_WITH_POLICY')
      .filter(({ b, r }) => b.members.some((m) => bornBy(m.birthDate, b.household.exitYear!) && !covered(activeKeys(r), m.id, b.household.exitYear!)));
    expect(exitYearGaps.map(({ b }) => b.household.id)).toEqual([]);
  });

  it('has civil affairs subsidise dibao and destitute members and finance the registered poor', () => {
    const basic = pairs.flatMap(({ b, r }) => r.enrolments.filter((e) => e.scheme === 'BASIC').map((e) => ({ b, e })));
    const category = (b: HouseholdBundle) => b.household.welfareCategory;
    const destitute = basic.filter(({ b }) => category(b) === 'DESTITUTE' || category(b) === 'DIBAO_DESTITUTE');
    const dibao = basic.filter(({ b }) => category(b) === 'DIBAO');
    const general = basic.filter(({ b }) => category(b) === 'GENERAL');
    const generalPoor2019 = general.filter(({ b, e }) => e.year === 2019 && e.enrolledOn >= b.identificationDate);
    expect(destitute.length).toBeGreaterThan(50);
    expect(generalPoor2019.length).toBeGreaterThan(1000);
    expect(
      violations([...destitute, ...dibao, ...general], {
        destituteFullByCivilAffairs: ({ b, e }) => !['DESTITUTE', 'DIBAO_DESTITUTE'].includes(category(b)) || (e.subsidyStatus === 'FULL' && e.subsidisingDepartment === 'CIVIL_AFFAIRS'),
        dibaoHalfUntil2016: ({ b, e }) => category(b) !== 'DIBAO' || e.year > 2016 || (e.subsidyStatus === 'PARTIAL' && e.subsidisingDepartment === 'CIVIL_AFFAIRS'),
        dibaoFullFrom2017: ({ b, e }) => category(b) !== 'DIBAO' || e.year < 2017 || (e.subsidyStatus === 'FULL' && e.subsidisingDepartment === 'CIVIL_AFFAIRS'),
        generalNoneIn2014: ({ b, e }) => category(b) !== 'GENERAL' || e.year !== 2014 || e.subsidyStatus === 'NONE',
        generalNoneBeforeIdentification: ({ b, e }) => category(b) !== 'GENERAL' || e.enrolledOn >= b.identificationDate || e.subsidyStatus === 'NONE',
      }),
    ).toEqual({});
    expect(violations(generalPoor2019, { fullByFinance: ({ e }) => e.subsidyStatus === 'FULL' && e.subsidisingDepartment === 'FINANCE' })).toEqual({});
    const commercial = pairs.flatMap(({ b, r }) => r.enrolments.filter((e) => e.scheme === 'COMMERCIAL_TOP_UP').map((e) => ({ b, e })));
    expect(commercial.length).toBeGreaterThan(SIZE);
    expect(
      violations(commercial, {
        from2017: ({ e }) => e.year >= 2017,
        registeredPoor: ({ b, e }) => e.enrolledOn >= b.identificationDate,
        paidByFinance: ({ e }) => e.subsidisingDepartment === 'FINANCE' && e.subsidyStatus === 'FULL',
      }),
    ).toEqual({});
  });

  it('exports each subsidy with household, person, year, amount and the subsidising department, for finance', () => {
    const keys = ['amountFen', 'enrolledOn', 'enrolmentId', 'householdId', 'personId', 'scheme', 'subsidisingDepartment', 'subsidyStatus', 'year'];
    const rows = pairs.flatMap(({ r }) => {
      const expected = r.enrolments.filter((e) => e.subsidyFen > 0 && e.cancelledOn === null);
      expect(r.premiumSubsidies).toHaveLength(expected.length);
      return r.premiumSubsidies.map((s, i) => ({ r, s, e: expected[i] }));
    });
    expect(rows.length).toBeGreaterThan(SIZE * 10);
    expect(rows[0].s).toEqual({
      householdId: rows[0].r.householdId,
      personId: rows[0].e.personId,
      year: rows[0].e.year,
      scheme: rows[0].e.scheme,
      enrolmentId: rows[0].e.id,
      amountFen: rows[0].e.subsidyFen,
      subsidyStatus: rows[0].e.subsidyStatus,
      subsidisingDepartment: rows[0].e.subsidisingDepartment,
      enrolledOn: rows[0].e.enrolledOn,
    });
    expect(
      violations(rows, {
        shape: ({ s }) => Object.keys(s).sort().join() === keys.join(),
        matchesEnrolment: ({ r, s, e }) => s.householdId === r.householdId && s.personId === e.personId && s.year === e.year && s.amountFen === e.subsidyFen && s.enrolmentId === e.id,
        department: ({ s }) => s.subsidisingDepartment === 'CIVIL_AFFAIRS' || s.subsidisingDepartment === 'FINANCE',
        amount: ({ s }) => Number.isInteger(s.amountFen) && s.amountFen > 0,
      }),
    ).toEqual({});
  });
});

describe('family-doctor contracts and special treatment', () => {
  it('contracts every chronic patient for a managed disease from 2016 or 2017 on, without overlaps', () => {
    const people = pairs.flatMap(({ b, r }) => b.members.map((m) => ({ m, mine: r.doctorContracts.filter((c) => c.personId === m.id) })));
    expect(
      violations(people, {
        chronicContracted: ({ m, mine }) => m.healthStatus !== 'CHRONIC_ILLNESS' || mine.some((c) => c.disease !== null),
        chronicRunningAtEnd: ({ m, mine }) =>
          m.healthStatus !== 'CHRONIC_ILLNESS' || mine[0]?.disease === 'TUBERCULOSIS' || mine.some((c) => c.startDate <= '2020-12-31' && c.endDate >= '2020-12-31'),
        diseaseOnlyForChronic: ({ m, mine }) => m.healthStatus === 'CHRONIC_ILLNESS' || mine.every((c) => c.disease === null),
        noOverlap: ({ mine }) => mine.every((c, i) => i === 0 || c.startDate > mine[i - 1].endDate),
        afterBirth: ({ m, mine }) => mine.every((c) => c.startDate > m.birthDate),
        followUps: ({ mine }) => mine.every((c) => c.followUpsDone <= c.followUpsRequired && (c.lastFollowUpOn === null) === (c.followUpsDone === 0)),
      }),
    ).toEqual({});
    expect(people.filter(({ mine }) => mine.length > 0).length).toBeGreaterThan(SIZE * 0.3);
  });

  it('gives special treatment to some seriously ill members only, for listed diseases from their listing year', () => {
    let serious = 0;
    let treated = 0;
    for (const { b, r } of pairs) {
      for (const t of r.specialTreatments) {
        const person = b.members.find((m) => m.id === t.personId)!;
        expect(person.healthStatus).toBe('SERIOUS_ILLNESS');
        if (t.treatmentStartedOn) expect(Number(t.treatmentStartedOn.slice(0, 4))).toBeGreaterThanOrEqual(t.disease.match(/LUNG|BREAST|CERVICAL|SEVERE|MDR|HAEMO/) ? 2018 : 2017);
        if (t.disease.startsWith('CHILD_')) expect(t.diagnosedOn.slice(0, 4) < String(Number(person.birthDate.slice(0, 4)) + 18)).toBe(true);
      }
      serious += b.members.filter((m) => m.healthStatus === 'SERIOUS_ILLNESS').length;
      treated += new Set(r.specialTreatments.map((t) => t.personId)).size;
    }
    expect(treated / serious).toBeGreaterThan(0.35);
    expect(treated / serious).toBeLessThan(0.8);
  });
});

describe('hospital settlements', () => {
  const all = pairs.flatMap(({ b, r }) => r.hospitalSettlements.map((s) => ({ b, s })));

  it('adds up: every part at least zero, out of pocket the rest of the total', () => {
    expect(all.length).toBeGreaterThan(SIZE * 2);
    expect(
      violations(all, {
        partsNonNegative: ({ s }) =>
          [s.basicInsuranceFen, s.criticalIllnessFen, s.medicalAssistanceFen, s.safetyNetFen, s.commercialTopUpFen, s.outOfPocketFen].every((p) => Number.isInteger(p) && p >= 0),
        addsUp: ({ s }) => s.basicInsuranceFen + s.criticalIllnessFen + s.medicalAssistanceFen + s.safetyNetFen + s.commercialTopUpFen + s.outOfPocketFen === s.totalCostFen,
        dates: ({ s }) => s.dischargedOn >= s.admittedOn && s.year === Number(s.dischargedOn.slice(0, 4)) && s.year >= 2014 && s.year <= 2020,
        deferred: ({ s }) => s.deferredPaidOn === null || (s.deferredPayment && s.deferredPaidOn >= s.dischargedOn),
      }),
    ).toEqual({});
  });

  it('never overlaps two stays of one person, nor admits anyone before birth', () => {
    const people = pairs.flatMap(({ b, r }) => b.members.map((m) => ({ m, stays: r.hospitalSettlements.filter((s) => s.personId === m.id) })));
    expect(
      violations(people, {
        afterBirth: ({ m, stays }) => stays.every((s) => s.admittedOn >= m.birthDate),
        noOverlap: ({ stays }) => stays.every((s, i) => i === 0 || s.admittedOn >= stays[i - 1].dischargedOn),
      }),
    ).toEqual({});
    expect(new Set(all.map(({ s }) => s.settlementNumber)).size).toBe(all.length);
  });

  it('gives illness-caused households and sick members clearly more admissions', () => {
    const perHousehold = (ill: boolean) => mean(pairs.filter(({ b }) => isIllnessHousehold(b) === ill).map(({ r }) => r.hospitalSettlements.length));
    expect(perHousehold(true)).toBeGreaterThan(1.6 * perHousehold(false));
    const perPerson = (status: string) =>
      mean(pairs.flatMap(({ b, r }) => b.members.filter((m) => m.healthStatus === status).map((m) => r.hospitalSettlements.filter((s) => s.personId === m.id).length)));
    expect(perPerson('SERIOUS_ILLNESS')).toBeGreaterThan(2 * perPerson('CHRONIC_ILLNESS'));
    expect(perPerson('CHRONIC_ILLNESS')).toBeGreaterThan(2 * perPerson('HEALTHY'));
  });

  it('reimburses realistically: basic insurance about half to two thirds, the registered poor paying mostly under 10–20 % after 2017', () => {
    const sum = (f: (s: (typeof all)[number]['s']) => number) => all.reduce((a, { s }) => a + f(s), 0);
    const basicShare = sum((s) => s.basicInsuranceFen) / sum((s) => s.totalCostFen);
    expect(basicShare).toBeGreaterThan(0.5);
    expect(basicShare).toBeLessThan(0.7);
    const poorInsured = all.filter(({ b, s }) => s.year >= 2018 && s.admittedOn >= b.identificationDate && s.basicInsuranceFen > 0).map(({ s }) => s.outOfPocketFen / s.totalCostFen);
    expect(quantile(poorInsured, 0.5)).toBeLessThanOrEqual(0.1);
    expect(quantile(poorInsured, 0.9)).toBeLessThanOrEqual(0.2);
    const before = all.filter(({ s }) => s.year <= 2015).map(({ s }) => s.outOfPocketFen / s.totalCostFen);
    expect(quantile(before, 0.5)).toBeGreaterThan(0.2);
  });

  it('pays medical assistance for dibao and destitute households, and for other registered poor only from 2017', () => {
    const welfare = (b: HouseholdBundle) => b.household.welfareCategory !== 'GENERAL';
    expect(
      violations(all, {
        assistance: ({ b, s }) => welfare(b) || (s.year >= 2017 && s.admittedOn >= b.identificationDate) || s.medicalAssistanceFen === 0,
        safetyNet: ({ b, s }) => s.safetyNetFen === 0 || (s.year >= 2017 && s.admittedOn >= b.identificationDate),
      }),
    ).toEqual({});
    expect(all.filter(({ b, s }) => welfare(b) && s.medicalAssistanceFen > 0).length).toBeGreaterThan(100);
  });
});
