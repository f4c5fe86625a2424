import { MigrationInterface, QueryRunner } from 'typeorm';
import { AID_STANDARDS, fen } from '../aidStandards';

/** Seeds the student aid standards per semester (reference/domain.md §2.8). Later changes are new migrations. */
export class AidStandards1700000000002 implements MigrationInterface {
  name = 'AidStandards1700000000002';

  async up(q: QueryRunner): Promise<void> {
    for (const s of AID_STANDARDS) {
      await q.query(
        'INSERT INTO student_aid_standard (item, stage, condition, valid_from, amount_fen, once, source) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [s.item, s.stage, s.condition, s.validFrom, fen(s.yuan), s.once, s.source],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM student_aid_standard');
  }
}
