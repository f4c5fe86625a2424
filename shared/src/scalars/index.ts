import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { ErrorCode } from '../errors';
import {
  formatFen,
  isLocalDate,
  isValidHouseholdId,
  isValidPersonId,
  parseYuan,
  regionCodeProblem,
  residentIdProblem,
} from '../identity';

/**
 * Validating scalars: bad input is rejected at the boundary, before any resolver runs, with a
 * machine-readable code that survives graphql-js wrapping (it copies the original extensions).
 */
function stringScalar(options: {
  name: string;
  description: string;
  code: ErrorCode;
  check: (value: string) => string | null; // returns a problem description or null
}): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string') throw new GraphQLError(`${options.name} must be a string`, { extensions: { code: options.code } });
    const problem = options.check(value);
    if (problem) throw new GraphQLError(`Invalid ${options.name} "${value}": ${problem}`, { extensions: { code: options.code } });
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

const RESIDENT_ID_PROBLEMS = {
  SHAPE: 'expected 17 digits and a check character (digit or X)',
  BIRTH_DATE: 'the birth date part is not a calendar date',
  CHECKSUM: 'the GB 11643 check character does not match',
};

export const ResidentIdScalar = stringScalar({
  name: 'ResidentId',
  description: '公民身份号码: an 18-character resident ID number (GB 11643-1999) with a valid MOD 11-2 check character. Personal data.',
  code: ErrorCode.INVALID_RESIDENT_ID,
  check: (v) => {
    const problem = residentIdProblem(v);
    return problem && RESIDENT_ID_PROBLEMS[problem];
  },
});

const REGION_PROBLEMS = {
  SHAPE: 'expected 12 digits',
  PROVINCE: 'unknown province code',
  HIERARCHY: 'a lower level is set under a zero level (2+2+2+3+3 layout)',
};

export const RegionCodeScalar = stringScalar({
  name: 'RegionCode',
  description: '统计用区划代码: a 12-digit statistical division code (province 2, prefecture 2, county 2, township 3, village 3).',
  code: ErrorCode.INVALID_REGION_CODE,
  check: (v) => {
    const problem = regionCodeProblem(v);
    return problem && REGION_PROBLEMS[problem];
  },
});

export const HouseholdIdScalar = stringScalar({
  name: 'HouseholdId',
  description: 'A household ID: the 12-digit village code followed by a 4-digit sequence.',
  code: ErrorCode.INVALID_HOUSEHOLD_ID,
  check: (v) => (isValidHouseholdId(v) ? null : 'expected a 12-digit village code followed by a 4-digit sequence'),
});

export const PersonIdScalar = stringScalar({
  name: 'PersonId',
  description: 'A person ID: the household ID at registration, a dash and a two-digit member number, e.g. 5001541012010001-01.',
  code: ErrorCode.INVALID_PERSON_ID,
  check: (v) => (isValidPersonId(v) ? null : 'expected <household ID>-NN'),
});

export const LocalDateScalar = stringScalar({
  name: 'LocalDate',
  description: 'A calendar date without time zone, YYYY-MM-DD.',
  code: ErrorCode.INVALID_DATE,
  check: (v) => (isLocalDate(v) ? null : 'expected a calendar date YYYY-MM-DD'),
});

/** Exact yuan as a decimal string; the resolver value is integer fen. Never floating point. */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  description: 'An exact amount in yuan as a decimal string with at most two decimals, e.g. "2800.00". Stored as integer fen.',
  serialize: (fen) => formatFen(fen as number),
  parseValue: (value) => parseMoney(value),
  parseLiteral: (ast) => parseMoney(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseMoney(value: unknown): number {
  const fen = typeof value === 'string' ? parseYuan(value) : null;
  if (fen === null || !Number.isSafeInteger(fen)) {
    throw new GraphQLError(`Invalid Money ${JSON.stringify(value)}: expected a decimal string such as "1234.50"`, {
      extensions: { code: ErrorCode.INVALID_MONEY },
    });
  }
  return fen;
}

