import { isLocalDate, isValidHouseholdId, isValidPersonId, parseYuan, regionCodeProblem, residentIdProblem, todayLocalDate } from '../identity';
import type { ImportColumn, ImportColumnType, ParsedRow, RowProblem } from './kind';

/**
 * One cell as read from a file: text from CSV (empty = missing), a JSON scalar from JSON Lines
 * (null or absent = missing). Anything else (objects, arrays) is refused by the column check.
 */
export type RawCell = string | number | boolean | null | undefined | object;

export type CellValue = string | number | boolean | null | readonly string[];

export type CellResult = { ok: true; value: CellValue } | { ok: false; problem: RowProblem };

const RESIDENT_ID_REASONS = {
  SHAPE: 'is not an 18-character resident ID number (17 digits and a digit or X)',
  BIRTH_DATE: 'has an impossible birth date',
  CHECKSUM: 'fails the MOD 11-2 check character (a typo?)',
} as const;

const REGION_CODE_REASONS = {
  SHAPE: 'is not a 12-digit region code',
  PROVINCE: 'does not start with a province code',
  HIERARCHY: 'has a lower level under a zero level',
} as const;

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n']);

/** Reads and checks one cell against its column; a missing value is a problem only when the column is required. */
export function parseCell(column: ImportColumn, raw: RawCell): CellResult {
  const fail = (code: string, reason: string): CellResult => ({ ok: false, problem: { column: column.name, code, reason } });
  if (column.type.kind === 'personIdList') return parseList(column, column.type, raw, fail);
  if (raw !== null && typeof raw === 'object') return fail('INVALID_VALUE', `${column.name} must be a single value, not ${Array.isArray(raw) ? 'a list' : 'an object'}`);
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  if (text === '') {
    return column.required === false ? { ok: true, value: null } : fail('MISSING_VALUE', `${column.name} is required`);
  }
  return parseValue(column.name, column.type, text, raw, fail);
}

function parseValue(name: string, type: ImportColumnType, text: string, raw: RawCell, fail: (code: string, reason: string) => CellResult): CellResult {
  const quoted = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  switch (type.kind) {
    case 'text': {
      if (type.maxLength !== undefined && text.length > type.maxLength) return fail('INVALID_VALUE', `${name} is longer than ${type.maxLength} characters`);
      if (type.pattern && !type.pattern.test(text)) return fail('INVALID_VALUE', `${name} ${quoted} does not have the expected form (${type.pattern.source})`);
      return { ok: true, value: text };
    }
    case 'int': {
      if (!/^-?[0-9]{1,15}$/.test(text)) return fail('INVALID_VALUE', `${name} ${quoted} is not a whole number`);
      const n = Number(text);
      if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max)) return fail('INVALID_VALUE', `${name} ${n} is ${range(type.min, type.max)}`);
      return { ok: true, value: n };
    }
    case 'money': {
      // A JSON number is accepted when it reads back as an exact decimal (520.5, not 1e21).
      const fen = typeof raw === 'number' && !Number.isFinite(raw) ? null : parseYuan(text);
      if (fen === null) return fail('INVALID_MONEY', `${name} ${quoted} is not an amount in yuan with at most 2 decimals`);
      if ((type.min !== undefined && fen < type.min) || (type.max !== undefined && fen > type.max)) {
        return fail('INVALID_MONEY', `${name} ${text} is ${range(yuan(type.min), yuan(type.max), ' yuan')}`);
      }
      return { ok: true, value: fen };
    }
    case 'date': {
      if (!isLocalDate(text)) return fail('INVALID_DATE', `${name} ${quoted} is not a date (YYYY-MM-DD)`);
      if (type.notInFuture && text > todayLocalDate()) return fail('INVALID_DATE', `${name} ${text} is in the future`);
      if (type.min !== undefined && text < type.min) return fail('INVALID_DATE', `${name} ${text} is before ${type.min}`);
      if (type.max !== undefined && text > type.max) return fail('INVALID_DATE', `${name} ${text} is after ${type.max}`);
      return { ok: true, value: text };
    }
    case 'decimal': {
      const decimals = type.scale > 0 ? `(\\.[0-9]{1,${type.scale}})?` : '';
      if (!new RegExp(`^-?[0-9]{1,15}${decimals}$`).test(text)) return fail('INVALID_VALUE', `${name} ${quoted} is not a number with at most ${type.scale} decimals`);
      const n = Number(text);
      if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max)) return fail('INVALID_VALUE', `${name} ${text} is ${range(type.min, type.max)}`);
      return { ok: true, value: text };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return fail('INVALID_VALUE', `${name} ${quoted} is not true or false`);
    }
    case 'enum':
      return type.values.includes(text) ? { ok: true, value: text } : fail('INVALID_VALUE', `${name} ${quoted} is not one of ${type.values.join(', ')}`);
    case 'householdId':
      return isValidHouseholdId(text) ? { ok: true, value: text } : fail('INVALID_HOUSEHOLD_ID', `${name} ${quoted} is not a household ID (a 12-digit village code and 4 digits)`);
    case 'personId':
      return isValidPersonId(text) ? { ok: true, value: text } : fail('INVALID_PERSON_ID', `${name} ${quoted} is not a person ID (<household ID>-NN)`);
    case 'residentId': {
      // Written with a lower-case x now and then; the standard's check character is X.
      const id = text.toUpperCase();
      const problem = residentIdProblem(id);
      // The number itself is personal data: the reason never repeats it.
      return problem ? fail('INVALID_RESIDENT_ID', `${name} ${RESIDENT_ID_REASONS[problem]}`) : { ok: true, value: id };
    }
    case 'personIdList':
      throw new Error('lists are read by parseList');
    case 'regionCode': {
      const problem = regionCodeProblem(text);
      return problem ? fail('INVALID_REGION_CODE', `${name} ${quoted} ${REGION_CODE_REASONS[problem]}`) : { ok: true, value: text };
    }
  }
}

/** `a;b;c` in CSV, ["a", "b"] (or the same text) in JSON Lines. */
function parseList(
  column: ImportColumn,
  type: Extract<ImportColumnType, { kind: 'personIdList' }>,
  raw: RawCell,
  fail: (code: string, reason: string) => CellResult,
): CellResult {
  const name = column.name;
  let items: string[];
  if (Array.isArray(raw)) {
    if (raw.some((v) => typeof v !== 'string')) return fail('INVALID_VALUE', `${name} must be a list of person IDs`);
    items = (raw as string[]).map((v) => v.trim()).filter((v) => v !== '');
  } else if (raw === null || raw === undefined || typeof raw !== 'object') {
    items = raw === null || raw === undefined ? [] : String(raw).split(';').map((v) => v.trim()).filter((v) => v !== '');
  } else {
    return fail('INVALID_VALUE', `${name} must be a list of person IDs, not an object`);
  }
  if (items.length === 0) return column.required === false ? { ok: true, value: null } : fail('MISSING_VALUE', `${name} is required (person IDs separated by ;)`);
  const bad = items.find((id) => !isValidPersonId(id));
  if (bad !== undefined) return fail('INVALID_PERSON_ID', `${name}: ${JSON.stringify(bad.slice(0, 40))} is not a person ID (<household ID>-NN)`);
  const twice = items.find((id, i) => items.indexOf(id) !== i);
  if (twice) return fail('INVALID_VALUE', `${name} lists ${twice} twice`);
  if ((type.min !== undefined && items.length < type.min) || (type.max !== undefined && items.length > type.max)) {
    const bounds = type.max === undefined ? `at least ${type.min}` : `${type.min ?? 1} to ${type.max}`;
    return fail('INVALID_VALUE', `${name} lists ${items.length} persons; it must list ${bounds}`);
  }
  return { ok: true, value: items };
}

function yuan(fen: number | undefined): number | undefined {
  return fen === undefined ? undefined : fen / 100;
}

function range(min: number | undefined, max: number | undefined, unit = ''): string {
  if (min !== undefined && max !== undefined) return `outside ${min}${unit} to ${max}${unit}`;
  return min !== undefined ? `below ${min}${unit}` : `above ${max}${unit}`;
}

/**
 * Checks every cell of a row, then (when the cells are all valid) the kind's cross-column rules.
 * `values` holds the file's cells by column name; absent optional columns are simply missing.
 */
export function parseRow(
  columns: readonly ImportColumn[],
  values: (name: string) => RawCell,
  validateRow?: (row: ParsedRow) => RowProblem[],
): { row: ParsedRow; problems: RowProblem[] } {
  const row: ParsedRow = {};
  const problems: RowProblem[] = [];
  for (const column of columns) {
    const result = parseCell(column, values(column.name));
    if (result.ok) row[column.name] = result.value;
    else problems.push(result.problem);
  }
  if (problems.length === 0 && validateRow) problems.push(...validateRow(row));
  return { row, problems };
}
