/**
 * A progress display for long loads. On a terminal: one line redrawn in place (`\r`) with a bar,
 * the count, the rate and the time left. Elsewhere (logs, CI): a plain line every few seconds and
 * one at the end.
 */

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressBarOptions {
  /** What is being counted. Default 'households'. */
  unit?: string;
  /** Default process.stderr. */
  stream?: ProgressOutput;
  /** Force the terminal or the line-by-line style; default: the stream's isTTY. */
  tty?: boolean;
  /** Non-terminal: seconds between lines. Default 5. */
  intervalSeconds?: number;
  /** Clock in milliseconds (for tests). Default Date.now. */
  now?: () => number;
}

export class ProgressBar {
  private readonly unit: string;
  private readonly stream: ProgressOutput;
  private readonly tty: boolean;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly startedAt: number;
  private lastDrawAt = -Infinity;
  private finished = false;
  private done = 0;
  private total = 0;

  constructor(private readonly label: string, options: ProgressBarOptions = {}) {
    this.unit = options.unit ?? 'households';
    this.stream = options.stream ?? process.stderr;
    this.tty = options.tty ?? Boolean(this.stream.isTTY);
    this.intervalMs = (options.intervalSeconds ?? 5) * 1000;
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  /** Reports progress; finishes by itself when done reaches total. */
  update(done: number, total: number): void {
    if (this.finished) return;
    this.done = done;
    this.total = total;
    if (total > 0 && done >= total) {
      this.finish();
      return;
    }
    const t = this.now();
    if (this.tty) {
      if (t - this.lastDrawAt < 100) return;
      this.lastDrawAt = t;
      this.stream.write(`\r${this.render(t)}\x1b[K`);
    } else if (t - this.lastDrawAt >= this.intervalMs) {
      this.lastDrawAt = t;
      this.stream.write(`${this.render(t)}\n`);
    }
  }

  /** Prints the final line (once). */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const t = this.now();
    const seconds = Math.max(0.001, (t - this.startedAt) / 1000);
    const line = `${this.label}: ${fmt(this.done)} ${this.unit} in ${seconds.toFixed(1)} s (${fmt(this.done / seconds)}/s)`;
    this.stream.write(this.tty ? `\r${line}\x1b[K\n` : `${line}\n`);
  }

  private render(t: number): string {
    const seconds = Math.max(0.001, (t - this.startedAt) / 1000);
    const rate = this.done / seconds;
    const share = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
    const eta = rate > 0 && this.total > this.done ? formatDuration((this.total - this.done) / rate) : '?';
    const counts = `${(share * 100).toFixed(1).padStart(5)}% ${fmt(this.done)}/${fmt(this.total)} ${this.unit} ${fmt(rate)}/s ETA ${eta}`;
    if (!this.tty) return `${this.label}: ${counts}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - this.label.length - counts.length - 5));
    const filled = Math.round(share * width);
    return `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}`;
  }
}

/** An onProgress callback for loadRegister: `onProgress: progressReporter('county register')`. */
export function progressReporter(label: string, options?: ProgressBarOptions): (done: number, total: number) => void {
  const bar = new ProgressBar(label, options);
  return (done, total) => bar.update(done, total);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}
