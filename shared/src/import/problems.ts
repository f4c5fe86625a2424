import { GraphQLError } from 'graphql';
import type { RowProblem } from './kind';

/** 'input.personId' → 'person_id': a mutation input path's last field as a file column. */
export function fileColumnOfField(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Runs a department's existing input validation (which throws a coded GraphQLError naming the
 * field at fault) as a kind's validateRow: its first refusal becomes the row's problem, so that
 * a file row and a mutation obey the same rules, written once.
 */
export function problemsOf(validate: () => unknown, columnOf: (field: string) => string = fileColumnOfField): RowProblem[] {
  try {
    validate();
    return [];
  } catch (error) {
    if (!(error instanceof GraphQLError) || typeof error.extensions?.code !== 'string') throw error;
    const field = typeof error.extensions.field === 'string' ? error.extensions.field : '';
    return [{ column: field ? columnOf(field) : '', code: error.extensions.code, reason: error.message }];
  }
}

/** A row's problem list for a kind's validateRow, with the two codes most rules report. */
export function rowProblems(): { problems: RowProblem[]; invalid: (column: string, reason: string) => void; missing: (column: string, reason: string) => void } {
  const problems: RowProblem[] = [];
  return {
    problems,
    invalid: (column, reason) => void problems.push({ column, code: 'INVALID_VALUE', reason }),
    missing: (column, reason) => void problems.push({ column, code: 'MISSING_VALUE', reason }),
  };
}
