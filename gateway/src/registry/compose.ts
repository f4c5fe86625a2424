import { composeSupergraph } from '../composition';
import { validateSupergraphSdl } from '../supergraph-validate';
import { RegistryError } from './errors';
import type { RegistryMember } from './types';

/**
 * Composes a version's members into the supergraph the gateway will serve (the sector view is
 * derived and added by composeSupergraph, never a member). A candidate that does not compose, or
 * whose supergraph the gateway would refuse, is COMPOSITION_FAILED with the messages.
 */
export function composeMembers(members: RegistryMember[]): string {
  const result = composeSupergraph(members.map((m) => ({ name: m.name, url: m.url, typeDefs: m.sdl })));
  if (!result.ok) {
    throw new RegistryError('COMPOSITION_FAILED', `the subgraphs do not compose (${result.errors.length} error(s)): ${result.errors[0]}`, 422, {
      compositionErrors: result.errors,
    });
  }
  const check = validateSupergraphSdl(result.supergraphSdl);
  if (!check.ok) {
    throw new RegistryError('COMPOSITION_FAILED', `the composed supergraph is not usable: ${check.error}`, 422, { compositionErrors: [check.error] });
  }
  return result.supergraphSdl;
}
