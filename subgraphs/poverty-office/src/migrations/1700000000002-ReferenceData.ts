import { MigrationInterface, QueryRunner } from 'typeorm';
import { DUTY_MATRIX, DutyRole } from '../reference/dutyMatrix';

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

/** 国家扶贫标准 (2,300 yuan at 2010 prices), current yuan per person per year. */
const POVERTY_LINES = [
  { year: 2013, yuan: 2736, verified: true, source: 'reference/domain.md §2.3 (ogasy.com/shenghuobaike/57038.html)' },
  { year: 2014, yuan: 2800, verified: true, source: 'reference/domain.md §2.3 (China Daily 2016-06-22)' },
  { year: 2015, yuan: 2855, verified: true, source: 'reference/domain.md §2.3 (renrendoc.com/paper/92692702.html)' },
  { year: 2016, yuan: 2952, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2017, yuan: 2952, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2018, yuan: 2995, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2019, yuan: 3218, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2020, yuan: 4000, verified: true, source: 'reference/domain.md §2.3 (≈ 4,000 yuan, herald.ng/?p=661700)' },
];
