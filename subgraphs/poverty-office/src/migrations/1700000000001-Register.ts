import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register (建档立卡) and its reference tables.
 *
 * Identifiers that carry a region prefix (region codes, household and person IDs) use the "C"
 * collation so that a region-prefix filter is a plain B-tree range scan on the primary key.
 */
export class Register1700000000001 implements MigrationInterface {
  name = 'Register1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code            text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
        name            text NOT NULL,
        level           smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        parent_code     text COLLATE "C" REFERENCES region(code),
        is_poor_village boolean NOT NULL DEFAULT false,
        valid_from      date NOT NULL DEFAULT DATE '2014-01-01',
        valid_to        date
      );
      CREATE INDEX region_parent_idx ON region (parent_code);

      CREATE TABLE department (
        code     text PRIMARY KEY,
        name_zh  text NOT NULL,
        name_en  text NOT NULL,
        subgraph text
      );

      CREATE TABLE duty_area (
        code     text PRIMARY KEY,
        item     smallint NOT NULL,
        name_zh  text NOT NULL,
        name_en  text NOT NULL,
        deadline date,
        position smallint NOT NULL
      );

      -- LEAD/SUPPORT are the matrix's 牵头/配合; JOINT are item 12's jointly responsible departments.
      CREATE TABLE duty_area_department (
        area_code       text NOT NULL REFERENCES duty_area(code),
        department_code text NOT NULL REFERENCES department(code),
        role            text NOT NULL CHECK (role IN ('LEAD', 'SUPPORT', 'JOINT', 'PARTICIPANT', 'IMPLEMENTER')),
        position        smallint NOT NULL,
        PRIMARY KEY (area_code, department_code, role)
      );
      CREATE INDEX duty_area_department_dept_idx ON duty_area_department (department_code);

      CREATE TABLE poverty_line (
        year        smallint PRIMARY KEY,
        amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
        verified    boolean NOT NULL,
        source      text NOT NULL
      );

      CREATE TABLE household (
        id                      text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9]{16}$'),
        region_code             text COLLATE "C" NOT NULL REFERENCES region(code),
        identification_standard text NOT NULL,
        welfare_category        text NOT NULL,
        main_cause              text NOT NULL,
        other_causes            text[] NOT NULL DEFAULT '{}' CHECK (cardinality(other_causes) <= 2),
        status                  text NOT NULL,
        identification_year     smallint NOT NULL,
        exit_year               smallint,
        address                 text,
        phone                   text,
        bank_name               text,
        bank_account            text,
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX household_region_idx ON household (region_code, id);
      CREATE INDEX household_status_idx ON household (status, id);
      CREATE INDEX household_category_idx ON household (welfare_category, id);
      CREATE INDEX household_cause_idx ON household (main_cause, id);

      CREATE TABLE person (
        id                  text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9]{16}-[0-9]{2}$'),
        household_id        text COLLATE "C" NOT NULL REFERENCES household(id),
        resident_id         text NOT NULL UNIQUE CHECK (resident_id ~ '^[0-9]{17}[0-9X]$'),
        name                text NOT NULL,
        sex                 text NOT NULL,
        birth_date          date NOT NULL,
        relation            text NOT NULL,
        ethnicity           text NOT NULL DEFAULT 'HAN',
        education           text,
        schooling_status    text,
        health_status       text NOT NULL,
        labour_capacity     text NOT NULL,
        migrant_work_months smallint NOT NULL DEFAULT 0,
        member_status       text NOT NULL DEFAULT 'ACTIVE',
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX person_household_idx ON person (household_id, id);

      -- Effective-dated status: one open period (effective_to IS NULL) per household.
      CREATE TABLE household_status_period (
        household_id   text COLLATE "C" NOT NULL REFERENCES household(id),
        status         text NOT NULL,
        effective_from date NOT NULL,
        effective_to   date,
        reason         text,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (household_id, effective_from),
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      );

      CREATE TABLE household_income (
        household_id              text COLLATE "C" NOT NULL REFERENCES household(id),
        year                      smallint NOT NULL,
        net_income_per_capita_fen bigint NOT NULL CHECK (net_income_per_capita_fen >= 0),
        household_size            smallint NOT NULL CHECK (household_size > 0),
        recorded_at               timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (household_id, year)
      );

      CREATE TABLE household_visit (
        id                  bigserial PRIMARY KEY,
        household_id        text COLLATE "C" NOT NULL REFERENCES household(id),
        visit_date          date NOT NULL,
        visitor             text NOT NULL,
        food_secure         boolean NOT NULL,
        clothing_secure     boolean NOT NULL,
        drinking_water_safe boolean NOT NULL,
        notes               text
      );
      CREATE INDEX household_visit_household_idx ON household_visit (household_id, visit_date);

      CREATE TABLE cadre (
        id         text PRIMARY KEY,
        name       text NOT NULL,
        unit       text NOT NULL,
        unit_level text NOT NULL,
        phone      text
      );

      -- 帮扶责任人 assigned to a household for a period.
      CREATE TABLE cadre_assignment (
        household_id  text COLLATE "C" NOT NULL REFERENCES household(id),
        cadre_id      text NOT NULL REFERENCES cadre(id),
        assigned_from date NOT NULL,
        assigned_to   date,
        PRIMARY KEY (household_id, cadre_id, assigned_from)
      );
      CREATE INDEX cadre_assignment_cadre_idx ON cadre_assignment (cadre_id);

      -- Identification (识别) and exit (退出) procedure steps, reference/domain.md §3.2.
      CREATE TABLE procedure_step (
        id             bigserial PRIMARY KEY,
        household_id   text COLLATE "C" NOT NULL REFERENCES household(id),
        procedure      text NOT NULL CHECK (procedure IN ('IDENTIFICATION', 'EXIT')),
        step           text NOT NULL,
        step_order     smallint NOT NULL,
        actor          text NOT NULL,
        actor_level    text NOT NULL,
        step_date      date NOT NULL,
        evidence       text NOT NULL,
        posting_start  date,
        posting_end    date,
        objection_count smallint NOT NULL DEFAULT 0,
        UNIQUE (household_id, procedure, step, step_date)
      );
      CREATE INDEX procedure_step_household_idx ON procedure_step (household_id, procedure, step_order);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE procedure_step, cadre_assignment, cadre, household_visit, household_income,
        household_status_period, person, household, poverty_line, duty_area_department, duty_area,
        department, region;
    `);
  }
}
