import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sector view loads dibao re-checks by household, with the household's other records. */
export class RecheckHouseholdIndex1700000000004 implements MigrationInterface {
  name = 'RecheckHouseholdIndex1700000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX dibao_recheck_household_idx ON dibao_recheck (household_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dibao_recheck_household_idx');
  }
}
