import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { Loaders } from './loaders';
import type { RegisterClient } from './federation/registerClient';

/** What every resolver of every subgraph gets. */
export interface SubgraphContext {
  /** The department serving the request, e.g. 'housing'. */
  department: string;
  requestId: string;
  log: Logger;
  db: DataSource;
  loaders: Loaders;
  /** Asks the poverty office whether households and persons exist. */
  register: RegisterClient;
}
