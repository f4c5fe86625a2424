import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sector view loads dropout follow-ups by household, with the household's other records. */
export class FollowUpHouseholdIndex1700000000003 implements MigrationInterface {
  name = 'FollowUpHouseholdIndex1700000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX dropout_follow_up_household_idx ON dropout_follow_up (household_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dropout_follow_up_household_idx');
  }
}
