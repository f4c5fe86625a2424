import {
  ANONYMOUS,
  identityFromClaims,
  inScope,
  maskPersonal,
  PersonalKind,
  scopedRegionPrefix,
  signRequest,
  suppressSmallCells,
  verifySignedRequest,
  type Identity,
} from '@saf/kit';

const SECRET = 'kit-test-secret-0123456789';
const county: Identity = { subject: 'li', role: 'caseworker', region: '500154' };
const analyst: Identity = { subject: 'wang', role: 'analyst', region: '' };

describe('request signatures', () => {
  const body = '{"query":"{ households { totalCount } }"}';

  it('carry the identity and check it against the body, the time and the secret', () => {
    const headers = signRequest(SECRET, county, body, '', 1_000_000);
    expect(verifySignedRequest(SECRET, headers, body, '', 1_030_000)).toEqual(county);
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { extensions: { reason: string } }).extensions.reason;
      }
      return 'accepted';
    };
    expect(reason(() => verifySignedRequest(SECRET, {}, body))).toBe('UNSIGNED');
    expect(reason(() => verifySignedRequest(SECRET, headers, `${body} `, '', 1_000_000))).toBe('BAD_SIGNATURE');
    expect(reason(() => verifySignedRequest('other-secret-0123456789', headers, body, '', 1_000_000))).toBe('BAD_SIGNATURE');
    expect(reason(() => verifySignedRequest(SECRET, headers, body, '', 1_061_000))).toBe('STALE_SIGNATURE');
    const promoted = signRequest(SECRET, { ...county, role: 'admin' }, body, '', 1_000_000)['x-saf-identity'];
    expect(reason(() => verifySignedRequest(SECRET, { ...headers, 'x-saf-identity': promoted }, body, '', 1_000_000))).toBe('BAD_SIGNATURE');
  });
});

describe('token claims', () => {
  it('need a known role, a valid region and, for officers, a department', () => {
    expect(identityFromClaims({ sub: 'x', role: 'department_officer', department: 'housing', region: '500154101' })).toEqual({
      subject: 'x',
      role: 'department_officer',
      department: 'housing',
      region: '500154101',
    });
    expect(() => identityFromClaims({ role: 'root' })).toThrow(/role/);
    expect(() => identityFromClaims({ role: 'analyst', region: '50015' })).toThrow(/region/);
    expect(() => identityFromClaims({ role: 'department_officer' })).toThrow(/department/);
  });

  it('never take "combining" from a client token, only from the gateway\'s signed forwarding', () => {
    expect(identityFromClaims({ role: 'analyst', combining: true }).combining).toBeUndefined();
    expect(identityFromClaims({ role: 'analyst', combining: true }, { forwarded: true }).combining).toBe(true);
  });
});

describe('region scope', () => {
  it('is a prefix of household IDs, person IDs and region prefixes', () => {
    expect(inScope(county, '5001541012010001')).toBe(true);
    expect(inScope(county, '5001541012010001-02')).toBe(true);
    expect(inScope(county, '5002291012010001')).toBe(false);
    expect(inScope(ANONYMOUS, '5001541012010001')).toBe(false);
    expect(scopedRegionPrefix(county, undefined)).toBe('500154');
    expect(scopedRegionPrefix(county, '500154101')).toBe('500154101');
    expect(() => scopedRegionPrefix(county, '5001')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'OUT_OF_SCOPE' }) }));
  });
});

describe('masking', () => {
  it('keeps the region and the last digits of identifiers and withholds incomes and diagnoses', () => {
    expect(maskPersonal(PersonalKind.RESIDENT_ID, '36072919800101001X')).toBe('3607**********001X');
    expect(maskPersonal(PersonalKind.PHONE, '13812345678')).toBe('138****5678');
    expect(maskPersonal(PersonalKind.BANK_ACCOUNT, '6228480012345678')).toBe('************5678');
    expect(maskPersonal(PersonalKind.INCOME, 2500)).toBeNull();
    expect(maskPersonal(PersonalKind.DIAGNOSIS, 'I21')).toBeNull();
    expect(maskPersonal(PersonalKind.PHONE, null)).toBeNull();
  });
});

describe('small cells', () => {
  const rows = () => [
    { town: 'A', households: 12, amount: 3000 },
    { town: 'B', households: 3, amount: 700 },
    { town: 'C', households: 0, amount: 0 },
  ];

  it('hide counts of 1 to 4 households, and what goes with them, from analysts only', () => {
    expect(suppressSmallCells(analyst, rows(), ['households'], ['amount'])).toEqual([
      { town: 'A', households: 12, amount: 3000, suppressed: false },
      { town: 'B', households: null, amount: null, suppressed: true },
      { town: 'C', households: 0, amount: 0, suppressed: false },
    ]);
    expect(suppressSmallCells(county, rows(), ['households'], ['amount'])[1]).toEqual({ town: 'B', households: 3, amount: 700, suppressed: false });
    expect(suppressSmallCells({ ...analyst, combining: true }, rows(), ['households'])[1].households).toBe(3);
  });
});
