import type { ChangeKind } from '../changes';

/** One change as subscribers see it (before their filters and the `missed` count). */
export interface LiveChange {
  /** change_event.id, or a number drawn from its sequence for a bulk load's household. */
  sequence: number;
  department: string;
  record: string;
  recordId: string;
  kind: ChangeKind;
  /** ISO 8601. */
  at: string;
  householdId: string | null;
  personId: string | null;
  /** Announced by a bulk load: no change_event row, recordId is the household's ID. */
  bulk?: true;
}

/** What `recordChanges` notifies: one change_event row. */
interface RowPayload {
  department: string;
  id: number;
  at: string;
  record: string;
  recordId: string;
  kind: ChangeKind;
  householdId: string | null;
  personId?: string | null;
}

/**
 * What a bulk load notifies: the households a chunk wrote rows for in one table. `seq` gives
 * their sequence numbers as runs [first, count] (usually one run: they are drawn together).
 */
export interface BulkPayload {
  department: string;
  bulk: true;
  at: string;
  record: string;
  households: string[];
  seq: Array<[number, number]>;
}

const KINDS: ReadonlySet<string> = new Set(['CREATED', 'UPDATED', 'REMOVED']);

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7900;

const isoOf = (at: unknown): string => {
  const date = new Date(at as string);
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
};

/** The department's changes in a notification; [] for another department's or an unreadable one. */
export function parseNotification(payload: string, department: string): LiveChange[] {
  let message: Partial<RowPayload & BulkPayload>;
  try {
    message = JSON.parse(payload);
  } catch {
    return [];
  }
  if (message?.department !== department || typeof message.record !== 'string') return [];
  const at = isoOf(message.at);
  if (message.bulk === true && Array.isArray(message.households) && Array.isArray(message.seq)) {
    const sequences = expandRuns(message.seq);
    return message.households.map((householdId, i) => ({
      sequence: sequences[i] ?? 0,
      department,
      record: message.record!,
      recordId: householdId,
      kind: 'UPDATED',
      at,
      householdId,
      personId: null,
      bulk: true as const,
    }));
  }
  if (typeof message.id !== 'number' || typeof message.recordId !== 'string' || !KINDS.has(message.kind as string)) return [];
  return [
    {
      sequence: message.id,
      department,
      record: message.record,
      recordId: message.recordId,
      kind: message.kind as ChangeKind,
      at,
      householdId: message.householdId ?? null,
      personId: message.personId ?? null,
    },
  ];
}

function expandRuns(runs: Array<[number, number]>): number[] {
  const out: number[] = [];
  for (const [first, count] of runs) for (let i = 0; i < count; i++) out.push(first + i);
  return out;
}

function runsOf(sequences: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const n of sequences) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else runs.push([n, 1]);
  }
  return runs;
}

/**
 * A bulk load's notifications for one table: its households, with a sequence number each, packed
 * greedily into payloads under PostgreSQL's 8000-byte limit (about 400 households each).
 */
export function bulkPayloads(department: string, record: string, at: string, households: string[], sequences: number[]): string[] {
  const payloads: string[] = [];
  let start = 0;
  while (start < households.length) {
    // Grow the slice while it fits; household IDs are ASCII, so characters are bytes.
    let end = Math.min(households.length, start + 380);
    let text = encode(department, record, at, households, sequences, start, end);
    while (text.length > MAX_PAYLOAD_BYTES && end - start > 1) {
      end = start + Math.max(1, Math.floor((end - start) * 0.8));
      text = encode(department, record, at, households, sequences, start, end);
    }
    payloads.push(text);
    start = end;
  }
  return payloads;
}

function encode(department: string, record: string, at: string, households: string[], sequences: number[], start: number, end: number): string {
  const payload: BulkPayload = { department, bulk: true, at, record, households: households.slice(start, end), seq: runsOf(sequences.slice(start, end)) };
  return JSON.stringify(payload);
}
