import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { Loaders } from './loaders';
import type { RegisterClient } from './federation/registerClient';
import type { AuditTrail, Identity } from './security';

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
  /** The caller, from the gateway's signed forwarding (issue 6). */
  identity: Identity;
  /** The request's personal-field reads, written to audit_event before the response leaves. */
  audit: AuditTrail;
}
