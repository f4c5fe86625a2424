/**
 * A refusal the caller can act on: a machine-readable code, an HTTP status, and details (the
 * composition messages, the breaking changes). The endpoint turns it into
 * `{ errors: [{ message, extensions: { code, ...details } }] }`.
 */
export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export type RegistryErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  /** The candidate does not compose with the other members. */
  | 'COMPOSITION_FAILED'
  /** The candidate breaks clients of the current supergraph; `force` publishes anyway. */
  | 'BREAKING_CHANGES'
  /** Another member already serves that duty-matrix department. */
  | 'DEPARTMENT_TAKEN'
  /** No SDL given and the subgraph's URL did not answer `{ _service { sdl } }`. */
  | 'SDL_UNAVAILABLE'
  | 'NO_PREVIOUS_VERSION'
  | 'ALREADY_CURRENT'
  /** Another publisher held the registry lock for too long. */
  | 'REGISTRY_BUSY'
  /** The gateway could not serve the new supergraph; the registry was put back as it was. */
  | 'NOT_LIVE'
  | 'INTERNAL_SERVER_ERROR';

export const badInput = (message: string, details: Record<string, unknown> = {}) => new RegistryError('BAD_USER_INPUT', message, 400, details);
