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
  /** After a failure, try again this often until it succeeds or a newer version's sync replaces it. Default 30 s. */
  retryMs?: number;
}

/** Tells the poverty office the members; `stop` ends a pending retry (the gateway closes). */
export interface DutyMatrixSyncer {
  (members: RegistryMember[]): Promise<string>;
  stop(): void;
}

/**
 * After a version goes live, tells the poverty office which departments have a subgraph, so the
 * duty matrix says which areas are federated. Its failure never undoes a publish: the answer
 * says 'not updated: <reason>', the log says why, and the same members are sent again every
 * `retryMs` until the poverty office takes them (a rollback while it was down must not leave a
 * department marked federated), unless a newer version's sync comes first.
 */
export function dutyMatrixSyncer(options: DutyMatrixOptions): DutyMatrixSyncer {
  const sync = options.sync ?? syncFederatedDepartments;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retryMs = options.retryMs ?? 30_000;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  // One call at a time, so that a retry of older members never lands after a newer version's call.
  let queue: Promise<unknown> = Promise.resolve();
  let latest: RegistryMember[] = [];

  const run = (members: RegistryMember[]): Promise<string> => {
    latest = members;
    clearTimeout(retry);
    const call = queue.then(async () => {
      if (members !== latest) return 'superseded by a newer version';
      const { message, failed } = await once(members);
      if (failed && !stopped && members === latest) {
        retry = setTimeout(() => void run(members), retryMs);
        retry.unref();
      }
      return message;
    });
    queue = call.catch(() => undefined);
    return call;
  };
  const syncer = run as DutyMatrixSyncer;
  syncer.stop = () => {
    stopped = true;
    clearTimeout(retry);
  };
  return syncer;

  async function once(members: RegistryMember[]): Promise<{ message: string; failed: boolean }> {
    const povertyOffice = members.find((m) => m.department === 'POVERTY_OFFICE') ?? members.find((m) => m.name === 'poverty-office');
    if (!povertyOffice) return { message: 'not updated: no poverty-office subgraph is a member', failed: false };
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
      return { message: 'updated', failed: false };
    } catch (err) {
      options.logger.warn({ err, povertyOffice: povertyOffice.name }, 'duty matrix not updated after a registry change');
      return { message: `not updated: ${(err as Error).message.replace(/^the duty matrix was not updated: /, '')}; retrying every ${retryMs >= 1000 ? `${Math.round(retryMs / 1000)} s` : `${retryMs} ms`}`, failed: true };
    } finally {
      clearTimeout(timer);
    }
  }
}
