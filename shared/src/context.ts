import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { Loaders } from './loaders';

/** What every resolver of every subgraph gets. */
export interface SubgraphContext {
  requestId: string;
  log: Logger;
  db: DataSource;
  loaders: Loaders;
}
