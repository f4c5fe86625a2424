import { ErrorCode, SubgraphContext, userError } from '@saf/kit';

export interface RegisterPersonDetails {
  id: string;
  householdId: string;
  birthDate: string;
}

/**
 * The borrower's birth date, for the 18–65 rule of the microcredit policy. The kit's RegisterClient
 * asks the register only for `id householdId`; this asks the same `_entities` endpoint for the birth
 * date as well, in one request. It reads the client's URL (a private field) until the kit offers a
 * selection parameter.
 */
export async function registerPersonDetails(ctx: SubgraphContext, ids: readonly string[]): Promise<Map<string, RegisterPersonDetails>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const url = (ctx.register as unknown as { url: string }).url;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id householdId birthDate } } }',
        variables: { r: unique.map((id) => ({ __typename: 'Person', id })) },
      }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw userError(ErrorCode.REGISTER_UNAVAILABLE, `the register (poverty office) cannot be reached: ${(error as Error).message}`);
  }
  const body = (await response.json()) as { data?: { _entities: Array<RegisterPersonDetails | null> }; errors?: Array<{ message: string }> };
  if (!body.data) throw userError(ErrorCode.REGISTER_UNAVAILABLE, `the register answered with an error: ${body.errors?.[0]?.message ?? response.status}`);
  const found = new Map<string, RegisterPersonDetails>();
  body.data._entities.forEach((p) => p && found.set(p.id, p));
  return found;
}

/** NOT_IN_REGISTER for an unknown person, CONFLICT for a person of another household. */
export async function assertPersonWithDetails(ctx: SubgraphContext, personId: string, householdId: string, field: string): Promise<RegisterPersonDetails> {
  const person = (await registerPersonDetails(ctx, [personId])).get(personId);
  if (!person) throw userError(ErrorCode.NOT_IN_REGISTER, `person ${personId} is not in the register`, { field, id: personId });
  if (person.householdId !== householdId) {
    throw userError(ErrorCode.CONFLICT, `person ${personId} belongs to household ${person.householdId}, not ${householdId}`, { field });
  }
  return person;
}
