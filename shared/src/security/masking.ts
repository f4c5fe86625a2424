/**
 * Personal fields (issue 6), and what an analyst or a dashboard sees of them. Identifiers keep
 * enough to tell records apart and recognise one's own (region, last digits); diagnoses and
 * exact incomes are withheld entirely.
 */
export enum PersonalKind {
  RESIDENT_ID = 'RESIDENT_ID',
  PHONE = 'PHONE',
  BANK_ACCOUNT = 'BANK_ACCOUNT',
  DIAGNOSIS = 'DIAGNOSIS',
  INCOME = 'INCOME',
}

/** Per department: `{ TypeName: { fieldName: kind } }`. */
export type PersonalFields = Record<string, Record<string, PersonalKind>>;

const keep = (value: string, head: number, tail: number): string =>
  value.length <= head + tail ? '*'.repeat(value.length) : value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail);

/** The masked value of a personal field: `3607**********1234`, `138****5678`, `************5678`, or null. */
export function maskPersonal(kind: PersonalKind, value: unknown): unknown {
  if (value == null) return value;
  switch (kind) {
    case PersonalKind.RESIDENT_ID:
      return keep(String(value), 4, 4);
    case PersonalKind.PHONE:
      return keep(String(value), 3, 4);
    case PersonalKind.BANK_ACCOUNT:
      return keep(String(value), 0, 4);
    case PersonalKind.DIAGNOSIS:
    case PersonalKind.INCOME:
      return Array.isArray(value) ? [] : null;
  }
}

/** Appended to a personal field's description, so the rule shows in every schema and the supergraph. */
export function personalNote(kind: PersonalKind): string {
  const shown = kind === PersonalKind.DIAGNOSIS || kind === PersonalKind.INCOME ? 'null' : 'masked (e.g. 3607**********1234)';
  return `Personal data (${kind}): ${shown} for the analyst and dashboard roles; every read is audited.`;
}
