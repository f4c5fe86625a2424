import { importRefused, ImportErrorCode } from './errors';
import { decodeUtf8 } from './text';

/**
 * A streaming JSON Lines reader: one JSON object per line (LF or CRLF), blank lines skipped. A
 * line that is not a JSON object comes out with `malformed` set and reading goes on.
 */

export interface JsonRecord {
  values: Record<string, unknown>;
  malformed?: string;
}

export const MAX_LINE_CHARS = 1 << 20;

export async function* readJsonLines(source: AsyncIterable<Buffer | string>): AsyncGenerator<JsonRecord[]> {
  let pending = '';
  let first = true;
  let lines = 0;
  const take = (line: string, out: JsonRecord[]) => {
    lines++;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '') return;
    out.push(parseLine(text));
  };
  for await (let text of decodeUtf8(source)) {
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: JsonRecord[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      take(pending + text.slice(start, nl), out);
      pending = '';
      start = nl + 1;
    }
    pending += text.slice(start);
    if (pending.length > MAX_LINE_CHARS) {
      throw importRefused(ImportErrorCode.MALFORMED_FILE, `line ${lines + 1} is longer than ${MAX_LINE_CHARS} characters: is this a JSON Lines file (one object per line)?`);
    }
    if (out.length > 0) yield out;
  }
  const out: JsonRecord[] = [];
  if (pending !== '') take(pending, out);
  if (out.length > 0) yield out;
}

function parseLine(text: string): JsonRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { values: {}, malformed: `not valid JSON (${(error as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { values: {}, malformed: 'each line must be one JSON object ({"column": value, …})' };
  }
  return { values: value as Record<string, unknown> };
}
