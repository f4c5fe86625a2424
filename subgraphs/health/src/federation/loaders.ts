import DataLoader from 'dataloader';
import { LoaderFactory, manyByKey } from '@saf/kit';

/**
 * Persons health knows in each household: anyone with an enrolment, contract, treatment or
 * settlement. One statement for the whole batch.
 */
export const knownPersonsByHousehold: LoaderFactory<string, string[]> = (db) =>
  new DataLoader(async (ids) => {
    const rows: Array<{ household_id: string; person_id: string }> = await db.query(
      `SELECT household_id, person_id FROM insurance_enrolment WHERE household_id = ANY($1)
       UNION SELECT household_id, person_id FROM family_doctor_contract WHERE household_id = ANY($1)
       UNION SELECT household_id, person_id FROM serious_illness_treatment WHERE household_id = ANY($1)
       UNION SELECT household_id, person_id FROM hospital_settlement WHERE household_id = ANY($1)
       ORDER BY household_id, person_id`,
      [[...ids]],
    );
    return manyByKey(ids, rows, (r) => r.household_id).map((list) => list.map((r) => r.person_id));
  });
