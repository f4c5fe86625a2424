import { ErrorCode, userError } from '../errors';
import { Identity, signRequest } from '../security';

/** Where departments look up the register: the poverty office's subgraph. */
export const DEFAULT_REGISTER_URL = 'http://localhost:4001/graphql';

export interface RegisterPerson {
  id: string;
  householdId: string;
  /** YYYY-MM-DD, for age rules (school age, borrowers of 18–65…). */
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
}

/**
 * Asks the poverty office whether households and persons exist, in one `_entities` request per
 * batch, so that a department never writes records for someone who is not in the register.
 */
export class RegisterClient {
  constructor(
    private readonly url: string = process.env.REGISTER_URL ?? DEFAULT_REGISTER_URL,
    private readonly timeoutMs = 5000,
    private readonly signing: { secret: string; identity: Identity; requestId: string } | null = null,
  ) {}

  /**
   * The same client asking on the caller's behalf: the poverty office applies the caller's
   * region to the lookups as it would to the caller's own queries.
   */
  forCaller(secret: string, identity: Identity, requestId: string): RegisterClient {
    return new RegisterClient(this.url, this.timeoutMs, { secret, identity, requestId });
  }

  async existingHouseholds(ids: readonly string[]): Promise<Set<string>> {
    const found = await this.entities<{ id: string } | null>('Household', ids, '... on Household { id }');
    return new Set(found.filter((h): h is { id: string } => h !== null).map((h) => h.id));
  }

  async persons(ids: readonly string[]): Promise<Map<string, RegisterPerson>> {
    const found = await this.entities<RegisterPerson | null>('Person', ids, '... on Person { id householdId birthDate sex }');
    return new Map(found.filter((p): p is RegisterPerson => p !== null).map((p) => [p.id, p]));
  }

  /** Throws NOT_IN_REGISTER naming the first unknown household. */
  async assertHouseholdsExist(ids: readonly string[], field = 'householdId'): Promise<void> {
    const found = await this.existingHouseholds(ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw userError(ErrorCode.NOT_IN_REGISTER, `household ${missing} is not in the register`, { field, id: missing });
  }

  /**
   * Throws NOT_IN_REGISTER for an unknown person, or CONFLICT when a person is not in the given
   * household; returns what the register says of each person.
   */
  async assertPersonsExist(people: ReadonlyArray<{ personId: string; householdId?: string | null }>, field = 'personId'): Promise<Map<string, RegisterPerson>> {
    const found = await this.persons(people.map((p) => p.personId));
    for (const p of people) {
      const person = found.get(p.personId);
      if (!person) throw userError(ErrorCode.NOT_IN_REGISTER, `person ${p.personId} is not in the register`, { field, id: p.personId });
      if (p.householdId && person.householdId !== p.householdId) {
        throw userError(ErrorCode.CONFLICT, `person ${p.personId} belongs to household ${person.householdId}, not ${p.householdId}`, { field });
      }
    }
    return found;
  }

  /**
   * Resolves resident ID numbers to person IDs (the poverty office's authorised, audited
   * `personIdByResidentId`), many in one request with one alias each. Numbers of nobody in the
   * register, or of someone outside the caller's region, are absent from the map.
   */
  async personIdsByResidentIds(residentIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(residentIds)];
    if (unique.length === 0) return new Map();
    const variables = Object.fromEntries(unique.map((id, i) => [`r${i}`, id]));
    const query = `query(${unique.map((_, i) => `$r${i}: ResidentId!`).join(', ')}) { ${unique.map((_, i) => `r${i}: personIdByResidentId(residentId: $r${i})`).join(' ')} }`;
    // Any error (a role that may not look numbers up) fails the lookup rather than reading as "not found".
    const data = await this.post<Record<string, string | null>>(JSON.stringify({ query, variables }), { allowErrors: false });
    const found = new Map<string, string>();
    unique.forEach((id, i) => {
      const personId = data[`r${i}`];
      if (personId) found.set(id, personId);
    });
    return found;
  }

  private async entities<T>(typename: string, ids: readonly string[], selection: string): Promise<T[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const body = JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
      variables: { r: unique.map((id) => ({ __typename: typename, id })) },
    });
    const data = await this.post<{ _entities: T[] }>(body, { allowErrors: true });
    const byId = new Map(unique.map((id, i) => [id, data._entities[i]]));
    return ids.map((id) => byId.get(id) as T);
  }

  /** One signed request to the register; REGISTER_UNAVAILABLE when it cannot answer. */
  private async post<T>(body: string, options: { allowErrors: boolean }): Promise<T> {
    const signed = this.signing
      ? { ...signRequest(this.signing.secret, this.signing.identity, body), 'x-request-id': this.signing.requestId }
      : {};
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw userError(ErrorCode.REGISTER_UNAVAILABLE, `the register (poverty office) cannot be reached: ${(error as Error).message}`);
    }
    const answer = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (!answer.data || (!options.allowErrors && answer.errors?.length)) {
      throw userError(ErrorCode.REGISTER_UNAVAILABLE, `the register answered with an error: ${answer.errors?.[0]?.message ?? response.status}`);
    }
    return answer.data;
  }
}
