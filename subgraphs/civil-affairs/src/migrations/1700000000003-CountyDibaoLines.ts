import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 低保标准 per county: `dibao_line` holds one line per year and category without saying whose, which
 * cannot answer the 两线合一 line check ("counties whose rural dibao line is below that year's
 * poverty line", reference/domain.md §3.3). This table keys the line by county (6-digit code) and
 * keeps the yearly amount next to the monthly one, since counties publish rural lines either way
 * (yuan per person per year or per month): each is stored as published, the other derived, and the
 * two agree within 12 fen.
 *
 * Seeded with the synthetic county's lines: `dibao_line` is the line of 开州区 (500154), the only
 * county the generator makes (its enrolments use those values), copied with the same verified
 * flags and sources. 开县 (500234) was renamed 开州区 in 2016; the register keys every household by
 * the new code, so the lines are stored under it. Other counties' lines are added as data.
 * The copied source drops dibao_line's claim "at or above the poverty line", which the 2013 rural
 * line (2,520 yuan a year against 2,736) does not meet.
 */
export class CountyDibaoLines1700000000003 implements MigrationInterface {
  name = 'CountyDibaoLines1700000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE county_dibao_line (
        county_code text COLLATE "C" NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
        year        smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        category    text NOT NULL CHECK (category IN ('URBAN', 'RURAL')),
        monthly_fen bigint NOT NULL CHECK (monthly_fen > 0),
        annual_fen  bigint NOT NULL CHECK (annual_fen > 0),
        verified    boolean NOT NULL,
        source      text NOT NULL,
        PRIMARY KEY (county_code, year, category),
        CHECK (abs(annual_fen - 12 * monthly_fen) < 12)
      );
      CREATE INDEX county_dibao_line_year_idx ON county_dibao_line (year, category, county_code);
      INSERT INTO county_dibao_line (county_code, year, category, monthly_fen, annual_fen, verified, source)
        SELECT '500154', year, category, monthly_fen, 12 * monthly_fen, verified, replace(source, ', at or above the poverty line', '') FROM dibao_line;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE county_dibao_line');
  }
}
