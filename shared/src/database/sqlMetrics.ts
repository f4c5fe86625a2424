import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';

/**
 * Counts SQL statements, in total and per GraphQL request, so that tests and benchmarks can
 * check that batching holds (a constant number of statements per request).
 */
export class SqlMetrics {
  statementsTotal = 0;
  requestsTotal = 0;
  private readonly perRequest = new AsyncLocalStorage<{ statements: number }>();

  /** Runs `fn` with its own statement counter; returns the result and the count. */
  async track<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const store = { statements: 0 };
    this.requestsTotal++;
    const result = await this.perRequest.run(store, fn);
    return { result, statements: store.statements };
  }

  recordStatement(): void {
    this.statementsTotal++;
    const store = this.perRequest.getStore();
    if (store) store.statements++;
  }
}

/** TypeORM calls logQuery for every statement it sends; we count them and log failures. */
export class CountingTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly metrics: SqlMetrics, private readonly pino: Logger) {}
  logQuery(): void {
    this.metrics.recordStatement();
  }
  logQueryError(error: string | Error, query: string): void {
    this.pino.debug({ err: error, query: query.slice(0, 500) }, 'SQL statement failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ ms: time, query: query.slice(0, 500) }, 'slow SQL statement');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.pino.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn(String(message));
  }
}
