import { MigrationInterface, QueryRunner } from 'typeorm';
import { DIBAO_LINES } from '../reference/dibaoLines';

/** Seeds the county's dibao line per year (reference/dibaoLines.ts). Later changes are new migrations. */
export class DibaoLines1700000000002 implements MigrationInterface {
  name = 'DibaoLines1700000000002';

  async up(q: QueryRunner): Promise<void> {
    for (const line of DIBAO_LINES) {
      await q.query('INSERT INTO dibao_line (year, category, monthly_fen, verified, source) VALUES ($1, $2, $3, $4, $5)', [
        line.year, line.category, line.monthlyYuan * 100, line.verified, line.source,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM dibao_line');
  }
}
