import type { Logger } from 'pino';
import { syncFederatedDepartments, type FederatedDepartmentsSync } from './dutyMatrixSync';
import type { RegistryMember } from './types';

export interface DutyMatrixOptions {
  signingSecret: string;
  /** SUBGRAPH_<NAME>_URL overrides: the gateway reaches the poverty office there. */
  subgraphUrls?: Record<string, string>;
  logger: Logger;
  /** A slow poverty office must not hold a publish for long. Default 10 s. */
  timeoutMs?: number;
  /** The call itself (tests may watch it). Default: syncFederatedDepartments. */
  sync?: (options: FederatedDepartmentsSync) => Promise<void>;
}

/**
 * After a version goes live, tells the poverty office which departments have a subgraph, so the
 * duty matrix says which areas are federated. Its failure never undoes a publish: the answer
 * says 'not updated: <reason>', the log says why, and the next version or restart retries.
 */
export function dutyMatrixSyncer(options: DutyMatrixOptions): (members: RegistryMember[]) => Promise<string> {
  const sync = options.sync ?? syncFederatedDepartments;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (members) => {
    const povertyOffice = members.find((m) => m.department === 'POVERTY_OFFICE') ?? members.find((m) => m.name === 'poverty-office');
    if (!povertyOffice) return 'not updated: no poverty-office subgraph is a member';
    const call = sync({
      povertyOfficeUrl: options.subgraphUrls?.[povertyOffice.name] ?? povertyOffice.url,
      signingSecret: options.signingSecret,
      members: members.filter((m) => m.department).map((m) => ({ subgraph: m.name, department: m.department! })),
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the poverty office did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([call, timeout]);
      return 'updated';
    } catch (err) {
      options.logger.warn({ err, povertyOffice: povertyOffice.name }, 'duty matrix not updated after a registry change');
      return `not updated: ${(err as Error).message.replace(/^the duty matrix was not updated: /, '')}`;
    } finally {
      clearTimeout(timer);
    }
  };
}
