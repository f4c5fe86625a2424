import { allPredicates, decideCoverage, reconcileSafetyNet } from '@saf/gateway';

const verdict = (needed: boolean, met: boolean, expects: Array<{ department: string; sourceRecordId: string; description: string }> = []) => ({
  needed,
  met,
  reason: needed ? (met ? 'need met' : 'need not met') : 'no need',
  evidence: [],
  expects,
});
const lead = (v: ReturnType<typeof verdict> | null) => ({ department: 'HOUSING', role: 'LEAD' as const, measures: [], verdict: v });
const finance = (sourceRecordIds: string[]) => ({
  department: 'FINANCE',
  role: 'SUPPORT' as const,
  measures: sourceRecordIds.map((id) => ({ department: 'FINANCE', sourceRecordId: id })),
  verdict: null,
});

describe('decideCoverage', () => {
  it('is LEAD_NOT_FEDERATED when no lead has a subgraph, whatever the supporters hold', () => {
    expect(decideCoverage(false, [finance(['X'])]).status).toBe('LEAD_NOT_FEDERATED');
  });

  it('is NOT_NEEDED when the lead sees no need', () => {
    expect(decideCoverage(true, [lead(verdict(false, false))])).toEqual({ status: 'NOT_NEEDED', reason: 'HOUSING: no need' });
  });

  it('is GAP when the lead sees a need it has not met', () => {
    expect(decideCoverage(true, [lead(verdict(true, false))]).status).toBe('GAP');
  });

  it('is GAP when a supporting part the lead expects is missing, and says which', () => {
    const expects = [{ department: 'FINANCE', sourceRecordId: 'R-1', description: 'renovation subsidy paid' }];
    const c = decideCoverage(true, [lead(verdict(true, true, expects)), finance(['R-2'])]);
    expect(c.status).toBe('GAP');
    expect(c.reason).toContain('FINANCE renovation subsidy paid (R-1)');
  });

  it('is COVERED when the need is met and every expected part is there', () => {
    const expects = [{ department: 'FINANCE', sourceRecordId: 'R-1', description: 'renovation subsidy paid' }];
    expect(decideCoverage(true, [lead(verdict(true, true, expects)), finance(['R-1'])]).status).toBe('COVERED');
  });

  it('refuses to guess when a federated lead gave no verdict', () => {
    expect(() => decideCoverage(true, [finance(['R-1'])])).toThrow(/no verdict/);
  });

  it('combines joint departments: any unmet need is a gap', () => {
    const a = { ...lead(verdict(true, true)), role: 'JOINT' as const, department: 'POVERTY_OFFICE' };
    const b = { ...lead(verdict(true, false)), role: 'JOINT' as const, department: 'FINANCE' };
    expect(decideCoverage(true, [a, b]).status).toBe('GAP');
  });
});

describe('allPredicates', () => {
  const p = (predicate: string, status: 'MET' | 'NOT_MET' | 'NOT_APPLICABLE') => ({ predicate, department: 'X', status, reason: '', evidence: [] });

  it('lists the six predicates in rule order and counts an unanswered one as NOT_MET', () => {
    const all = allPredicates([p('HOUSING_SAFETY', 'MET'), p('INCOME', 'MET'), null]);
    expect(all.map((x) => x.predicate)).toEqual(['INCOME', 'FOOD_AND_CLOTHING', 'COMPULSORY_EDUCATION', 'BASIC_MEDICAL_CARE', 'HOUSING_SAFETY', 'DRINKING_WATER']);
    expect(all.find((x) => x.predicate === 'FOOD_AND_CLOTHING')).toMatchObject({ status: 'NOT_MET', department: 'POVERTY_OFFICE' });
  });

  it('appends a predicate a new department adds', () => {
    expect(allPredicates([p('EMPLOYMENT', 'MET')]).map((x) => x.predicate)).toContain('EMPLOYMENT');
  });
});

describe('reconcileSafetyNet', () => {
  const register = [
    { householdId: 'A', welfareCategory: 'DIBAO', activePersonIds: ['A-01', 'A-02'] },
    { householdId: 'B', welfareCategory: 'DIBAO_DESTITUTE', activePersonIds: ['B-01'] },
    { householdId: 'C', welfareCategory: 'DESTITUTE', activePersonIds: ['C-01'] },
  ];
  const roster = [
    { householdId: 'A', programmes: ['DIBAO'], personIds: ['A-01', 'A-03'] },
    { householdId: 'B', programmes: ['DIBAO'], personIds: ['B-01'] },
    { householdId: 'D', programmes: ['DIBAO'], personIds: ['D-01'] },
    { householdId: 'E', programmes: ['DESTITUTE'], personIds: ['E-01'] },
  ];
  const lookedUp = [{ householdId: 'D', welfareCategory: 'GENERAL', activePersonIds: ['D-01'] }];

  it('finds disagreements both ways, at household and person level, and roster households not in the register', () => {
    const found = reconcileSafetyNet(register, roster, lookedUp).map((f) => [f.householdId, f.issue, f.programme, f.personIds.join(',')]);
    expect(found).toEqual([
      ['A', 'PERSON_IN_ROSTER_NOT_REGISTER_MEMBER', 'DIBAO', 'A-03'],
      ['A', 'REGISTER_MEMBER_NOT_IN_ROSTER', 'DIBAO', 'A-02'],
      ['B', 'REGISTER_CATEGORY_NOT_IN_ROSTER', 'DESTITUTE', ''],
      ['C', 'REGISTER_CATEGORY_NOT_IN_ROSTER', 'DESTITUTE', ''],
      ['D', 'ROSTER_NOT_IN_REGISTER_CATEGORY', 'DIBAO', ''],
      ['E', 'ROSTER_HOUSEHOLD_NOT_IN_REGISTER', 'DESTITUTE', 'E-01'],
    ]);
  });

  it('finds nothing when both sides agree', () => {
    expect(reconcileSafetyNet([register[0]], [{ householdId: 'A', programmes: ['DIBAO'], personIds: ['A-01', 'A-02'] }], [])).toEqual([]);
  });
});
