import {
  formatFen,
  isLocalDate,
  isValidHouseholdId,
  isValidPersonId,
  isValidRegionPrefix,
  makeResidentId,
  maskResidentId,
  parentRegionCode,
  parseYuan,
  regionCodeProblem,
  regionLevel,
  residentIdBirthDate,
  residentIdProblem,
  residentIdSex,
} from '@saf/kit';

describe('resident ID (GB 11643-1999)', () => {
  it('accepts the standard\'s examples', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('34052419800101001X')).toBeNull();
  });

  it('rejects a wrong check character, a bad shape and an impossible birth date', () => {
    expect(residentIdProblem('340524198001010013')).toBe('CHECKSUM');
    expect(residentIdProblem('34052419800101001x')).toBe('SHAPE');
    expect(residentIdProblem('3405241980010100')).toBe('SHAPE');
    expect(residentIdProblem('340524198002300010')).toBe('BIRTH_DATE');
  });

  it('builds valid numbers and reads back birth date and sex', () => {
    const male = makeResidentId('500154', '1975-06-30', 123, 'MALE');
    const female = makeResidentId('500154', '2008-02-29', 123, 'FEMALE');
    expect(residentIdProblem(male)).toBeNull();
    expect(residentIdProblem(female)).toBeNull();
    expect(residentIdBirthDate(male)).toBe('1975-06-30');
    expect(residentIdSex(male)).toBe('MALE');
    expect(residentIdSex(female)).toBe('FEMALE');
  });

  it('masks all but the address prefix and the last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('region codes', () => {
  it('validates the 2+2+2+3+3 hierarchy and the province', () => {
    expect(regionCodeProblem('500154101201')).toBeNull();
    expect(regionCodeProblem('500154000000')).toBeNull();
    expect(regionCodeProblem('990154101201')).toBe('PROVINCE');
    expect(regionCodeProblem('500100000201')).toBe('HIERARCHY');
    expect(regionCodeProblem('50015410120')).toBe('SHAPE');
  });

  it('knows levels, parents and valid prefixes', () => {
    expect(regionLevel('500154101201')).toBe(5);
    expect(regionLevel('500154101000')).toBe(4);
    expect(regionLevel('500154000000')).toBe(3);
    expect(parentRegionCode('500154101201')).toBe('500154101000');
    expect(parentRegionCode('500000000000')).toBeNull();
    expect(isValidRegionPrefix('500154')).toBe(true);
    expect(isValidRegionPrefix('500154101')).toBe(true);
    expect(isValidRegionPrefix('5001541')).toBe(false);
    expect(isValidRegionPrefix('990154')).toBe(false);
  });
});

describe('household and person IDs', () => {
  it('requires a village code and a non-zero sequence', () => {
    expect(isValidHouseholdId('5001541012010001')).toBe(true);
    expect(isValidHouseholdId('5001541012010000')).toBe(false);
    expect(isValidHouseholdId('5001541010000001')).toBe(false); // township, not village
    expect(isValidPersonId('5001541012010001-01')).toBe(true);
    expect(isValidPersonId('5001541012010001-00')).toBe(false);
    expect(isValidPersonId('500154101201000101')).toBe(false);
  });
});

describe('money and dates', () => {
  it('parses yuan strings into exact fen and back', () => {
    expect(parseYuan('2800')).toBe(280000);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('1234.56')).toBe(123456);
    expect(parseYuan('-3.05')).toBe(-305);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('1e3')).toBeNull();
    expect(formatFen(123456)).toBe('1234.56');
    expect(formatFen(-305)).toBe('-3.05');
    expect(formatFen(7)).toBe('0.07');
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2020-02-29')).toBe(true);
    expect(isLocalDate('2019-02-29')).toBe(false);
    expect(isLocalDate('2020-2-29')).toBe(false);
  });
});
