import { importRefused, ImportErrorCode } from './errors';
import { decodeUtf8 } from './text';

/**
 * A streaming CSV reader (RFC 4180): quoted fields with doubled quotes, commas and line breaks
 * inside quotes, CRLF or LF line ends, a UTF-8 byte order mark. It holds one record at a time, so
 * memory does not grow with the file. A record that breaks the rules (a stray quote) comes out
 * with `malformed` set, and reading goes on with the next line; blank lines are skipped.
 */

export interface CsvRecord {
  cells: string[];
  /** Why the record is not valid CSV; its cells are then a best guess. */
  malformed?: string;
}

/** Longest field; longer means a quote was left open (and the rest of the file would be one field). */
export const MAX_FIELD_CHARS = 1 << 20;
export const MAX_CELLS = 1000;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  /** At the start of a field. */
  Start,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: doubled (an escaped quote) or the closing one. */
  QuoteInQuoted,
  /** After a closing quote: only a comma or a line end may follow. */
  AfterQuoted,
}

export class CsvParser {
  private cells: string[] = [];
  private field = '';
  private state = State.Start;
  private malformed: string | undefined;
  /** The record has a character, or a quoted (possibly empty) field: it is not a blank line. */
  private hasContent = false;
  /** A CR ended the last record: a LF right after it belongs to it. */
  private skipLf = false;
  private atFileStart = true;
  private records = 0;

  /** Parses the next piece of text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    const n = text.length;
    if (this.atFileStart && n > 0) {
      this.atFileStart = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    while (i < n) {
      if (this.skipLf) {
        this.skipLf = false;
        if (text.charCodeAt(i) === LF) {
          i++;
          continue;
        }
      }
      switch (this.state) {
        case State.Quoted: {
          const close = text.indexOf('"', i);
          const end = close < 0 ? n : close;
          this.field += text.slice(i, end);
          this.checkFieldLength();
          i = end;
          if (close >= 0) {
            this.state = State.QuoteInQuoted;
            i++;
          }
          break;
        }
        case State.QuoteInQuoted:
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.AfterQuoted;
          }
          break;
        case State.AfterQuoted: {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) {
            i = this.delimiter(c, i, out);
          } else {
            this.malformed ??= 'text follows a closing quote (quote the whole field and double the quotes inside it)';
            this.field += text[i++];
          }
          break;
        }
        case State.Start:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.hasContent = true;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let k = i;
          let c = 0;
          while (k < n) {
            c = text.charCodeAt(k);
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
            k++;
          }
          if (k > i) {
            this.field += text.slice(i, k);
            this.hasContent = true;
            this.checkFieldLength();
          }
          i = k;
          if (k === n) break;
          if (c === QUOTE) {
            this.malformed ??= 'a quote inside an unquoted field (quote the whole field and double the quotes inside it)';
            this.field += '"';
            this.hasContent = true;
            i++;
          } else {
            i = this.delimiter(c, i, out);
          }
          break;
        }
      }
    }
    return out;
  }

  /** Ends the input: the last record, if the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.state === State.Quoted) this.malformed ??= 'a quoted field is not closed before the end of the file';
    const out: CsvRecord[] = [];
    if (this.state !== State.Start || this.cells.length > 0 || this.hasContent) this.endRecord(out);
    return out;
  }

  private delimiter(c: number, i: number, out: CsvRecord[]): number {
    this.endField();
    if (c === COMMA) {
      this.hasContent = true;
      return i + 1;
    }
    this.endRecord(out, true);
    if (c === CR) this.skipLf = true;
    return i + 1;
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.state = State.Start;
    if (this.cells.length > MAX_CELLS) {
      throw importRefused(ImportErrorCode.MALFORMED_FILE, `record ${this.records + 1} has more than ${MAX_CELLS} cells: is this a CSV file?`);
    }
  }

  private endRecord(out: CsvRecord[], fieldEnded = false): void {
    if (!fieldEnded) this.endField();
    const blank = !this.hasContent && this.cells.length === 1 && this.cells[0] === '';
    if (!blank) {
      this.records++;
      out.push(this.malformed ? { cells: this.cells, malformed: this.malformed } : { cells: this.cells });
    }
    this.cells = [];
    this.malformed = undefined;
    this.hasContent = false;
    this.state = State.Start;
  }

  private checkFieldLength(): void {
    if (this.field.length > MAX_FIELD_CHARS) {
      throw importRefused(
        ImportErrorCode.MALFORMED_FILE,
        `record ${this.records + 1} has a field longer than ${MAX_FIELD_CHARS} characters: a quote is probably not closed`,
      );
    }
  }
}

/** The records of a CSV file, a batch per chunk read (each batch is complete records, in order). */
export async function* readCsv(source: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser();
  for await (const text of decodeUtf8(source)) {
    const records = parser.push(text);
    if (records.length > 0) yield records;
  }
  const last = parser.end();
  if (last.length > 0) yield last;
}
