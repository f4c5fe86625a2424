import type { PoolClient } from 'pg';
import type { RegisterClient, RegisterPerson } from '../federation/registerClient';
import type { Identity } from '../security/identity';
import { rejectRows } from './checks';
import type { ImportLayout } from './layout';
import { NEW_ROWS, STAGED } from './staging';

/**
 * The register checks: resident ID numbers resolved to person IDs, households and persons that
 * must exist (in the caller's region: the register answers as the caller), persons that must
 * belong to the row's household. The poverty office is asked once per batch of distinct IDs,
 * read from the staged rows page by page, and its answers go to temporary tables, so that a
 * county's file costs a few dozen requests and no memory beyond one page.
 */

/** What the checks ask of the register. */
export type RegisterLookups = Pick<RegisterClient, 'existingHouseholds' | 'persons' | 'personIdsByResidentIds'>;

/**
 * The register in the import's own schema and transaction (ImportKind.localRegister: the poverty
 * office's kinds), with the caller's region applied as the poverty office applies it.
 */
export function localRegister(client: PoolClient, identity: Identity): RegisterLookups {
  const region = identity.region;
  return {
    async existingHouseholds(ids) {
      const { rows } = await client.query('SELECT id FROM household WHERE id = ANY($1::text[]) AND left(id, $2) = $3', [ids, region.length, region]);
      return new Set(rows.map((r: { id: string }) => r.id));
    },
    async persons(ids) {
      const { rows } = await client.query(
        `SELECT id, household_id AS "householdId", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex FROM person WHERE id = ANY($1::text[]) AND left(id, $2) = $3`,
        [ids, region.length, region],
      );
      return new Map(rows.map((r: RegisterPerson) => [r.id, r]));
    },
    async personIdsByResidentIds(residentIds) {
      const { rows } = await client.query('SELECT resident_id, id FROM person WHERE resident_id = ANY($1::text[]) AND left(id, $2) = $3', [residentIds, region.length, region]);
      return new Map(rows.map((r: { resident_id: string; id: string }) => [r.resident_id, r.id]));
    },
  };
}

/** Distinct IDs per request. */
export const REGISTER_BATCH = 1000;
/** Resident ID numbers per request (one aliased lookup, one statement each on the register's side). */
export const RESIDENT_BATCH = 250;

/**
 * Calls `visit` with each page of the distinct non-null values of a staged column (rows still
 * new); `list`: the column is an array, its elements are the values.
 */
async function forEachDistinct(client: PoolClient, column: string, size: number, visit: (ids: string[]) => Promise<void>, list = false): Promise<void> {
  let after = '';
  const from = list ? `${NEW_ROWS} s CROSS JOIN unnest(s.${column}) AS v(id)` : `(SELECT ${column} AS id FROM ${NEW_ROWS}) v`;
  for (;;) {
    const { rows } = await client.query(`SELECT DISTINCT id FROM ${from} WHERE id IS NOT NULL AND id > $1 ORDER BY 1 LIMIT ${size}`, [after]);
    if (rows.length === 0) return;
    await visit(rows.map((r: { id: string }) => r.id));
    if (rows.length < size) return;
    after = rows[rows.length - 1].id;
  }
}

async function createAnswerTable(client: PoolClient, table: string, columns: string): Promise<void> {
  await client.query(`CREATE TEMP TABLE ${table} (${columns}) ON COMMIT DROP`);
}

async function insertPairs(client: PoolClient, table: string, a: string[], b: string[]): Promise<void> {
  if (a.length) await client.query(`INSERT INTO ${table} SELECT * FROM unnest($1::text[], $2::text[])`, [a, b]);
}

export async function resolveResidentIds(client: PoolClient, layout: ImportLayout, register: RegisterLookups): Promise<void> {
  for (const [i, r] of layout.residents.entries()) {
    const answers = `import_resident_${i}`;
    await createAnswerTable(client, answers, 'resident_id text COLLATE "C" PRIMARY KEY, person_id text COLLATE "C" NOT NULL');
    await forEachDistinct(client, r.staged, RESIDENT_BATCH, async (ids) => {
      const found = await register.personIdsByResidentIds(ids);
      await insertPairs(client, answers, [...found.keys()], [...found.values()]);
    });
    await client.query(`UPDATE ${STAGED} s SET ${r.resolvesTo} = a.person_id FROM ${answers} a WHERE s.state = 'new' AND s.${r.staged} = a.resident_id`);
    // The register does not say whether a number is registered outside the caller's region.
    await rejectRows(
      client,
      'NOT_IN_REGISTER',
      `SELECT row_no, $1::text AS column_name, format('no person in the register (in your region) has this %s', $1::text) AS reason
       FROM ${NEW_ROWS} WHERE ${r.staged} IS NOT NULL AND ${r.resolvesTo} IS NULL`,
      [r.file],
    );
  }
}

export async function checkHouseholdsExist(client: PoolClient, layout: ImportLayout, register: RegisterLookups): Promise<void> {
  const column = layout.household;
  if (!column) return;
  await createAnswerTable(client, 'import_found_household', 'id text COLLATE "C" PRIMARY KEY');
  await forEachDistinct(client, column, REGISTER_BATCH, async (ids) => {
    const found = [...(await register.existingHouseholds(ids))];
    if (found.length) await client.query('INSERT INTO import_found_household SELECT unnest($1::text[])', [found]);
  });
  await rejectRows(
    client,
    'NOT_IN_REGISTER',
    `SELECT row_no, $1::text AS column_name, format('household %s is not in the register', ${column}) AS reason
     FROM ${NEW_ROWS} s WHERE ${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_found_household f WHERE f.id = s.${column})`,
    [layout.fileColumn(column)],
  );
}

export async function checkPersonsExist(client: PoolClient, layout: ImportLayout, register: RegisterLookups): Promise<void> {
  const columns = [...layout.persons.map((p) => ({ ...p, list: false })), ...layout.lists.map((l) => ({ name: l.name, file: l.file, list: true }))];
  for (const [i, p] of columns.entries()) {
    const answers = `import_found_person_${i}`;
    await createAnswerTable(client, answers, 'id text COLLATE "C" PRIMARY KEY, household_id text COLLATE "C" NOT NULL');
    await forEachDistinct(
      client,
      p.name,
      REGISTER_BATCH,
      async (ids) => {
        const found = [...(await register.persons(ids)).values()];
        await insertPairs(client, answers, found.map((f) => f.id), found.map((f) => f.householdId));
      },
      p.list,
    );
    // One problem per row: its first person the register lacks, else its first of another household.
    const persons = p.list ? `${NEW_ROWS} s CROSS JOIN unnest(s.${p.name}) AS v(_person)` : `(SELECT *, ${p.name} AS _person FROM ${NEW_ROWS}) s`;
    await rejectRows(
      client,
      'NOT_IN_REGISTER',
      `SELECT DISTINCT ON (s.row_no) s.row_no, $1::text AS column_name, format('person %s is not in the register', _person) AS reason
       FROM ${persons} WHERE _person IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${answers} f WHERE f.id = _person) ORDER BY s.row_no, _person`,
      [p.file],
    );
    if (!layout.household) continue;
    await rejectRows(
      client,
      'PERSON_NOT_IN_HOUSEHOLD',
      `SELECT DISTINCT ON (s.row_no) s.row_no, $1::text AS column_name, format('person %s belongs to household %s, not %s', _person, f.household_id, s.${layout.household}) AS reason
       FROM ${persons} JOIN ${answers} f ON f.id = _person WHERE f.household_id <> s.${layout.household} ORDER BY s.row_no, _person`,
      [p.file],
    );
  }
}
