import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employment department's one table. Record IDs start with the person ID (`<person>-E01`) so
 * they sort by region like every other department's; household and person IDs are checked against
 * the register by the write path, not by a foreign key (the register is another department's database).
 */
export class Employment1700000000001 implements MigrationInterface {
  name = 'Employment1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employment_measure (
        id                 text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9]{16}-[0-9]{2}-E[0-9]{2}$'),
        household_id       text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id          text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        measure            text NOT NULL CHECK (measure IN ('JOB_PLACEMENT', 'VOCATIONAL_TRAINING', 'PUBLIC_WELFARE_POST')),
        start_date         date NOT NULL,
        end_date           date CHECK (end_date >= start_date),
        monthly_income_fen bigint CHECK (monthly_income_fen >= 0),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (person_id, measure, start_date)
      );
      CREATE INDEX employment_measure_household_idx ON employment_measure (household_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE employment_measure');
  }
}
