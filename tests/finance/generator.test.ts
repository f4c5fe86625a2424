import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyBook, addToBook, financeRecordsFor, FinanceRecords, PROGRAMME_RULES, riskFundContributions, FinanceDutyArea } from '@saf/finance';
import { HouseholdBundle, iterateHouseholds } from '@saf/poverty-office';
import { civilAffairsRecordsFor } from '@saf/civil-affairs';
import { educationRecordsFor } from '@saf/education';
import { housingRecordsFor, subsidiesPayable } from '@saf/housing';
import { validateDisbursement } from '../../subgraphs/finance/src/disbursement/writes';
import { parsePeriod } from '../../subgraphs/finance/src/common/periods';

/** Finance's generator on the generated register, without a database. */
const SIZE = 1000;
const households: HouseholdBundle[] = [...iterateHouseholds(SIZE, 1, { details: false })];
const records: FinanceRecords[] = households.map((b) => financeRecordsFor(b, 1));
const pairs = households.map((b, i) => ({ b, r: records[i] }));
const share = (n: number, d: number) => n / Math.max(1, d);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const isDibao = (b: HouseholdBundle) => b.household.welfareCategory === 'DIBAO' || b.household.welfareCategory === 'DIBAO_DESTITUTE';
const able = (m: HouseholdBundle['members'][number]) => m.labourCapacity === 'ORDINARY' || m.labourCapacity === 'SKILLED';

describe('determinism', () => {
  it('gives the same records for the same household and seed, and other records for another seed', () => {
    const b = households[17];
    expect(financeRecordsFor(b, 1)).toEqual(records[17]);
    expect(JSON.stringify(financeRecordsFor(b, 2))).not.toEqual(JSON.stringify(records[17]));
  });

  it('depends on the household only, not on the rest of the walk', () => {
    // With the register's details (visits, procedure steps) generated too: other streams, same household.
    let bundle: HouseholdBundle | undefined;
    for (const b of iterateHouseholds(SIZE, 1, { details: true })) if ((bundle = b).index === 876) break;
    expect(financeRecordsFor(bundle!, 1)).toEqual(records[876]);
  });
});

describe('consistency with the mutations and the duty matrix', () => {
  it('generates only payments the recordDisbursement mutation would accept, each natural key once', () => {
    let n = 0;
    const problems: string[] = [];
    for (const { r } of pairs) {
      const keys = new Set<string>();
      for (const d of r.disbursements) {
        n++;
        try {
          validateDisbursement(
            {
              householdId: d.householdId, personId: d.personId, programme: d.programme, dutyArea: d.dutyArea, department: d.department, payee: d.payee, amount: d.amountFen,
              paymentDate: d.paymentDate, period: d.period, batchNo: d.batchNo, status: d.status, statusReason: d.statusReason, returnedOn: d.returnedOn,
              sourceRecordId: d.sourceRecordId,
            },
            'row',
          );
        } catch (error) {
          problems.push(`${JSON.stringify(d)}: ${(error as Error).message}`);
        }
        if (d.year !== parsePeriod(d.period)!.year) problems.push(`year of ${d.period}`);
        const key = [d.programme, d.period, d.personId, d.sourceRecordId, d.batchNo].join('|');
        if (keys.has(key)) problems.push(`duplicate ${key}`);
        keys.add(key);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(n).toBeGreaterThan(SIZE * 30);
  });

  it('maps every programme to a duty area where finance supports, and to that area\'s lead or a supporter', () => {
    const matrix = JSON.parse(readFileSync(join(__dirname, '../../subgraphs/poverty-office/src/reference/duty-matrix.json'), 'utf8')) as {
      areas: Array<{ code: string; lead?: string[]; support?: string[] }>;
      departments: Array<{ code: string }>;
    };
    const areas = new Map(matrix.areas.map((a) => [a.code, a]));
    for (const area of Object.values(FinanceDutyArea)) expect(areas.get(area)?.support).toContain('FINANCE');
    for (const rule of PROGRAMME_RULES) {
      const area = areas.get(rule.dutyArea)!;
      expect([...(area.lead ?? []), ...(area.support ?? [])]).toContain(rule.department);
    }
  });
});

describe('payments follow the other departments\' records', () => {
  const civil = households.map((b) => civilAffairsRecordsFor(b, 1));
  const housing = households.map((b) => housingRecordsFor(b, 1));
  const education = households.map((b) => educationRecordsFor(b, 1));

  it('pays what civil affairs orders for register members, nothing it did not order, with a few gaps', () => {
    let ordered = 0;
    let paid = 0;
    const strays: string[] = [];
    pairs.forEach(({ b, r }, i) => {
      const members = new Set(b.members.map((m) => m.id));
      const orders = new Set(civil[i].payables.filter((p) => p.personId === null || members.has(p.personId)).map((p) => `${p.recordId}|${p.period ?? p.dueDate}`));
      const byRecord = new Map<string, number>();
      for (const d of r.disbursements.filter((x) => x.status === 'PAID' && x.department === 'CIVIL_AFFAIRS')) byRecord.set(d.sourceRecordId!, (byRecord.get(d.sourceRecordId!) ?? 0) + 1);
      ordered += orders.size;
      const recordIds = new Set(civil[i].payables.map((p) => p.recordId));
      for (const d of r.disbursements.filter((x) => x.department === 'CIVIL_AFFAIRS')) if (!recordIds.has(d.sourceRecordId!)) strays.push(d.sourceRecordId!);
      paid += [...byRecord.values()].reduce((s, n) => s + n, 0);
    });
    expect(strays).toEqual([]);
    expect(share(paid, ordered)).toBeGreaterThan(0.97);
    expect(paid).toBeLessThan(ordered);
  });

  it('pays dibao to most dibao-category households and to a few others (两线合一 mismatches both ways)', () => {
    const dibao = pairs.filter(({ b }) => isDibao(b));
    const general = pairs.filter(({ b }) => b.household.welfareCategory === 'GENERAL');
    const paidIn = (list: typeof pairs, year: number) => list.filter(({ r }) => r.disbursements.some((d) => d.programme === 'DIBAO_ALLOWANCE' && d.year === year)).length;
    expect(share(paidIn(dibao, 2020), dibao.length)).toBeGreaterThan(0.8);
    expect(paidIn(dibao, 2020)).toBeLessThan(dibao.length);
    expect(share(paidIn(general, 2020), general.length)).toBeLessThan(0.06);
    expect(paidIn(general, 2020)).toBeGreaterThan(0);
    const months = pairs.map(({ r }) => new Set(r.disbursements.filter((d) => d.programme === 'DIBAO_ALLOWANCE' && d.year === 2019).map((d) => d.period)).size);
    expect(mean(months.filter((m) => m > 0))).toBeGreaterThan(10);
  });

  it('pays disability allowances only to disabled members, destitute support only in destitute households', () => {
    const problems: string[] = [];
    for (const { b, r } of pairs) {
      const disabled = new Set(b.members.filter((m) => m.healthStatus === 'DISABLED').map((m) => m.id));
      const destitute = b.household.welfareCategory === 'DESTITUTE' || b.household.welfareCategory === 'DIBAO_DESTITUTE';
      for (const d of r.disbursements) {
        if ((d.programme === 'DISABILITY_ALLOWANCE' || d.programme === 'DISABILITY_CARE_SUBSIDY') && !disabled.has(d.personId!)) problems.push(`${d.personId} not disabled`);
        if (d.programme === 'DESTITUTE_SUPPORT' && !destitute) problems.push(`${b.household.id} not destitute`);
      }
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(pairs.filter(({ r }) => r.disbursements.some((d) => d.programme === 'DESTITUTE_SUPPORT')).length).toBeGreaterThan(5);
  });

  it('pays renovation subsidies for housing\'s accepted renovations, after acceptance, in full', () => {
    let due = 0;
    let paid = 0;
    const problems: string[] = [];
    pairs.forEach(({ r }, i) => {
      const accepted = new Map(subsidiesPayable(housing[i]).map((s) => [s.renovationId, s]));
      due += accepted.size;
      for (const d of r.disbursements.filter((x) => x.programme === 'HOUSING_RENOVATION_SUBSIDY')) {
        const s = accepted.get(d.sourceRecordId!);
        if (!s || d.paymentDate <= s.acceptanceDate || d.amountFen !== s.subsidyFen || d.department !== 'HOUSING' || d.dutyArea !== 'HOUSING_RENOVATION') problems.push(JSON.stringify(d));
        else if (d.status === 'PAID') paid++;
      }
    });
    expect(problems.slice(0, 3)).toEqual([]);
    expect(due).toBeGreaterThan(50);
    expect(share(paid, due)).toBeGreaterThan(0.9);
  });

  it('pays education\'s aid grants to the student or the school, so schooling-caused households get more', () => {
    const aid = (r: FinanceRecords) => r.disbursements.filter((d) => d.programme === 'EDUCATION_AID').length;
    const schooling = pairs.filter(({ b }) => b.household.mainCause === 'SCHOOLING').map(({ r }) => aid(r));
    const others = pairs.filter(({ b }) => b.household.mainCause !== 'SCHOOLING').map(({ r }) => aid(r));
    expect(mean(schooling)).toBeGreaterThan(1.5 * mean(others));
    const problems: string[] = [];
    pairs.forEach(({ r }, i) => {
      const grants = new Map(education[i].aid.map((a) => [a.id, a]));
      for (const d of r.disbursements.filter((x) => x.dutyArea === 'EDUCATION')) {
        const a = grants.get(d.sourceRecordId!);
        const expectedPayee = ['TWO_EXEMPTIONS_ONE_SUBSIDY', 'TUITION_WAIVER', 'NUTRITION_PROGRAMME', 'PRE_SCHOOL_AID'].includes(a?.item ?? '') ? 'SCHOOL' : 'PERSON';
        if (!a || a.personId !== d.personId || a.amountFen !== d.amountFen || d.payee !== expectedPayee) problems.push(JSON.stringify(d));
        if (a && (a.sponsor === 'POVERTY_OFFICE') !== (d.programme === 'RAINBOW_PLAN')) problems.push(`sponsor of ${a.id}`);
      }
    });
    expect(problems.slice(0, 3)).toEqual([]);
  });

  it('gives illness-caused households more medical assistance', () => {
    const medical = (r: FinanceRecords) => r.disbursements.filter((d) => d.programme === 'MEDICAL_ASSISTANCE').length;
    const ill = pairs.filter(({ b }) => b.household.mainCause === 'ILLNESS').map(({ r }) => medical(r));
    const others = pairs.filter(({ b }) => b.household.mainCause !== 'ILLNESS').map(({ r }) => medical(r));
    expect(mean(ill)).toBeGreaterThan(2 * mean(others));
  });

  it('subsidises almost every registered member\'s premium from 2017 (health for finance-funded, civil affairs for dibao and destitute)', () => {
    let due = 0;
    let paid = 0;
    const problems: string[] = [];
    for (const { b, r } of pairs) {
      const premiums = new Set(r.disbursements.filter((d) => d.programme === 'INSURANCE_PREMIUM_SUBSIDY').map((d) => `${d.personId}|${d.year}`));
      for (let y = 2017; y <= 2020; y++) {
        if (b.identificationDate > `${y}-01-01`) continue;
        for (const m of b.members.filter((x) => x.memberStatus === 'ACTIVE' && x.birthDate < `${y}-01-01`)) {
          due++;
          if (premiums.has(`${m.id}|${y}`)) paid++;
        }
      }
      for (const d of r.disbursements.filter((x) => x.programme === 'INSURANCE_PREMIUM_SUBSIDY')) {
        if (d.payee !== 'INSURANCE_FUND' || !(d.department === 'CIVIL_AFFAIRS' ? /^YJ-/.test(d.sourceRecordId!) : /:BASIC$/.test(d.sourceRecordId!))) problems.push(JSON.stringify(d));
      }
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(share(paid, due)).toBeGreaterThan(0.9);
    expect(paid).toBeLessThan(due);
  });

  it('returns or fails a small share of payments, re-issues most of them, and leaves a few gaps', () => {
    const all = records.flatMap((r) => r.disbursements);
    const returned = all.filter((d) => d.status === 'RETURNED').length;
    const failed = all.filter((d) => d.status === 'FAILED').length;
    expect(share(returned, all.length)).toBeGreaterThan(0.005);
    expect(share(returned, all.length)).toBeLessThan(0.04);
    expect(share(failed, all.length)).toBeLessThan(0.01);
    expect(all.filter((d) => d.batchNo.endsWith('-02')).length).toBeGreaterThan(0.7 * (returned + failed));
    const entitlements = records.reduce((s, r) => s + r.entitlements.length, 0);
    const paidFirstTime = all.filter((d) => d.batchNo.endsWith('-01')).length;
    expect(share(entitlements - paidFirstTime, entitlements)).toBeGreaterThan(0.003);
    expect(share(entitlements - paidFirstTime, entitlements)).toBeLessThan(0.03);
  });
});

describe('microcredit follows the register and the policy', () => {
  const loans = pairs.flatMap(({ b, r }) => r.loans.map((l) => ({ b, r, l })));

  it('lends to 10–30 % of households with labour capacity, to members 18–65 with labour', () => {
    const withLabour = pairs.filter(({ b }) => b.members.some((m) => able(m) && m.age >= 18 && m.age <= 65));
    const borrowing = withLabour.filter(({ r }) => r.loans.length > 0).length;
    expect(share(borrowing, withLabour.length)).toBeGreaterThan(0.1);
    expect(share(borrowing, withLabour.length)).toBeLessThan(0.3);
    for (const { b, l } of loans) {
      const m = b.members.find((x) => x.id === l.borrowerId)!;
      expect(able(m)).toBe(true);
      const age = Number(l.disbursementDate.slice(0, 4)) - Number(m.birthDate.slice(0, 4)) - (l.disbursementDate.slice(5) < m.birthDate.slice(5) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(65);
      expect(l.amountFen).toBeLessThanOrEqual(Math.min(5_000_000, l.creditLineFen));
      expect(l.termMonths).toBeLessThanOrEqual(36);
      expect(l.disbursementDate >= b.identificationDate).toBe(true);
    }
    expect(pairs.filter(({ b }) => b.household.welfareCategory === 'DESTITUTE').every(({ r }) => r.loans.length === 0)).toBe(true);
  });

  it('keeps one open loan per household, a few overdue or defaulted loans, compensations only for defaults', () => {
    for (const { r } of pairs) {
      expect(r.loans.filter((l) => l.status === 'ACTIVE' || l.status === 'OVERDUE').length).toBeLessThanOrEqual(1);
      const sorted = [...r.loans].sort((a, b) => a.disbursementDate.localeCompare(b.disbursementDate));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i].disbursementDate > (sorted[i - 1].repaidOn as string)).toBe(true);
      for (const c of r.compensations) expect(r.loans.find((l) => l.id === c.loanId)!.status).toBe('DEFAULTED');
    }
    const statuses = loans.map(({ l }) => l.status);
    const bad = statuses.filter((s) => s === 'OVERDUE' || s === 'DEFAULTED').length;
    expect(bad).toBeGreaterThan(0);
    expect(share(bad, statuses.length)).toBeLessThan(0.1);
    expect(statuses.filter((s) => s === 'REPAID').length).toBeGreaterThan(statuses.length / 2);
  });

  it('refunds the interest paid before any arrears, quarterly, as interest subsidies naming the loan', () => {
    for (const { r, l } of loans) {
      const paidBeforeArrears = r.repayments
        .filter((p) => p.loanId === l.id && (l.overdueSince === null || p.repaymentDate < l.overdueSince))
        .reduce((s, p) => s + p.interestFen, 0);
      const subsidies = r.entitlements.filter((e) => e.programme === 'MICROCREDIT_INTEREST_SUBSIDY' && e.sourceRecordId === l.id);
      expect(subsidies.reduce((s, e) => s + e.amountFen, 0)).toBe(paidBeforeArrears);
      expect(subsidies.every((e) => /^\d{4}-Q[1-4]$/.test(e.period))).toBe(true);
      const principal = r.repayments.filter((p) => p.loanId === l.id).reduce((s, p) => s + p.principalFen, 0);
      if (l.status === 'REPAID') expect(principal).toBe(l.amountFen);
      else expect(principal).toBeLessThan(l.amountFen);
    }
  });

  it('sizes the county risk fund to a leverage of 5–10 when the book is largest', () => {
    const book = emptyBook('500154000000');
    for (const r of records) addToBook(book, r.outstandingByYear, r.compensationByYear);
    const contributions = riskFundContributions(book, 1);
    expect(contributions.length).toBeGreaterThan(0);
    expect(contributions.every((c) => c.amountFen % 10_000_000 === 0)).toBe(true);
    const peak = Object.entries(book.outstandingByYear).sort((a, b) => b[1] - a[1])[0];
    const balance =
      contributions.filter((c) => Number(c.contributionDate.slice(0, 4)) <= Number(peak[0])).reduce((s, c) => s + c.amountFen, 0) -
      Object.entries(book.compensationByYear).filter(([y]) => Number(y) <= Number(peak[0])).reduce((s, [, v]) => s + v, 0);
    expect(peak[1] / balance).toBeGreaterThan(5);
    expect(peak[1] / balance).toBeLessThanOrEqual(10);
  });
});
