import type { ImportProgress } from './run';

/** Reports an import's progress at most about once a second, and at every change of phase. */
export class ProgressTicker {
  private readonly started = Date.now();
  private last = 0;
  private current = 'reading';

  constructor(private readonly report?: (p: ImportProgress) => void, private readonly intervalMs = 1000) {}

  phase(phase: string, rows: number): void {
    this.current = phase;
    this.emit(rows);
  }

  tick(rows: number): void {
    if (this.report && Date.now() - this.last >= this.intervalMs) this.emit(rows);
  }

  private emit(rows: number): void {
    if (!this.report) return;
    const now = Date.now();
    this.last = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    this.report({ phase: this.current, rows, rowsPerSecond: Math.round(rows / seconds) });
  }
}
