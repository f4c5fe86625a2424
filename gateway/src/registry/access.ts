import type { Identity } from '@saf/kit';
import { RegistryError } from './errors';

export type RegistryUse = 'read' | 'publish' | 'rollback';

/**
 * Who may change the registry: an admin anything; a department officer publishes only its own
 * subgraph (department claim 'housing' → subgraph 'housing') and may read the registry (a
 * department system checks what is live before it publishes). Nobody else. Throws FORBIDDEN.
 */
export function assertMayUseRegistry(identity: Identity, action: RegistryUse, subgraph?: string): void {
  if (identity.role === 'admin') return;
  if (identity.role === 'department_officer') {
    if (action === 'read') return;
    if (action === 'publish' && subgraph != null && subgraph === identity.department) return;
    const why =
      action === 'publish'
        ? `a ${identity.department} officer may publish only the "${identity.department}" subgraph, not "${subgraph}"`
        : 'only an admin may roll the registry back';
    throw new RegistryError('FORBIDDEN', why, 403);
  }
  throw new RegistryError('FORBIDDEN', `the ${identity.role} role may not use the schema registry (admin or the department's officer only)`, 403);
}
