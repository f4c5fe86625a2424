import { MigrationInterface, QueryRunner } from 'typeorm';
import { DUTY_MATRIX, DutyRole } from '../reference/dutyMatrix';
import { POVERTY_LINES } from '../reference/povertyLines';

/**
 * Seeds the duty matrix (seed 004, from reference/duty-matrix.json) and the poverty line per year
 * (reference/domain.md §2.3). These are data, not code: later changes are new migrations.
 */
export class ReferenceData1700000000002 implements MigrationInterface {
  name = 'ReferenceData1700000000002';

  async up(q: QueryRunner): Promise<void> {
    for (const d of DUTY_MATRIX.departments) {
      await q.query('INSERT INTO department (code, name_zh, name_en, subgraph) VALUES ($1, $2, $3, $4)', [d.code, d.zh, d.en, d.subgraph ?? null]);
    }
    for (const [position, area] of DUTY_MATRIX.areas.entries()) {
      await q.query('INSERT INTO duty_area (code, item, name_zh, name_en, deadline, position) VALUES ($1, $2, $3, $4, $5, $6)', [
        area.code, area.item, area.zh, area.en, area.deadline ?? null, position,
      ]);
      const roles: Array<[DutyRole, string[] | undefined]> = [
        ['LEAD', area.lead], ['SUPPORT', area.support], ['JOINT', area.joint],
        ['PARTICIPANT', area.participants], ['IMPLEMENTER', area.implementers],
      ];
      for (const [role, codes] of roles) {
        for (const [i, code] of (codes ?? []).entries()) {
          await q.query('INSERT INTO duty_area_department (area_code, department_code, role, position) VALUES ($1, $2, $3, $4)', [area.code, code, role, i]);
        }
      }
    }
    for (const line of POVERTY_LINES) {
      await q.query('INSERT INTO poverty_line (year, amount_fen, verified, source) VALUES ($1, $2, $3, $4)', [line.year, line.yuan * 100, line.verified, line.source]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM poverty_line; DELETE FROM duty_area_department; DELETE FROM duty_area; DELETE FROM department;');
  }
}
