import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The housing department's records: dwelling safety appraisals (农村危房鉴定), renovation projects
 * (危房改造) and resettlement housing of poverty-alleviation relocation (易地扶贫搬迁).
 *
 * Record IDs start with the household ID (`<household>-A01`, `-R01`, `-S01`) so that they are
 * deterministic for the generator (the finance department follows them) and sort by region.
 * Household and person IDs are checked against the register by the write path, not by a foreign key.
 */
export class Housing1700000000001 implements MigrationInterface {
  name = 'Housing1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dwelling_appraisal (
        id             text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9]{16}-A[0-9]{2,3}$'),
        household_id   text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        rating         text NOT NULL CHECK (rating IN ('A', 'B', 'C', 'D')),
        appraisal_date date NOT NULL,
        appraiser      text NOT NULL CHECK (length(appraiser) BETWEEN 1 AND 60),
        method         text NOT NULL CHECK (method IN ('COUNTY_HOUSING_BUREAU', 'THIRD_PARTY')),
        structure      text NOT NULL CHECK (structure IN ('EARTH', 'WOOD', 'STONE', 'BRICK_WOOD', 'BRICK_CONCRETE', 'FRAME', 'OTHER')),
        floor_area     numeric(7, 2) NOT NULL CHECK (floor_area >= 5 AND floor_area <= 1000),
        year_built     smallint CHECK (year_built BETWEEN 1900 AND 2100),
        danger_points  text CHECK (length(danger_points) <= 500),
        -- The household's latest appraisal (the one that counts); maintained by every write.
        is_latest      boolean NOT NULL DEFAULT false,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (household_id, appraisal_date),
        CHECK (year_built IS NULL OR year_built <= extract(year FROM appraisal_date))
      );
      CREATE UNIQUE INDEX dwelling_appraisal_latest_idx ON dwelling_appraisal (household_id) WHERE is_latest;
      CREATE INDEX dwelling_appraisal_date_idx ON dwelling_appraisal (appraisal_date, id);
      CREATE INDEX dwelling_appraisal_latest_rating_idx ON dwelling_appraisal (rating, id) WHERE is_latest;

      CREATE TABLE renovation_project (
        id                text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9]{16}-R[0-9]{2,3}$'),
        household_id      text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        -- The C/D appraisal that put the household on the renovation list; one project per appraisal.
        appraisal_id      text COLLATE "C" NOT NULL UNIQUE REFERENCES dwelling_appraisal(id),
        renovation_type   text NOT NULL CHECK (renovation_type IN ('REINFORCE', 'REBUILD', 'OTHER')),
        status            text NOT NULL CHECK (status IN ('APPROVED', 'STARTED', 'COMPLETED', 'ACCEPTED', 'FAILED_ACCEPTANCE', 'MOVED_IN')),
        plan_year         smallint NOT NULL CHECK (plan_year BETWEEN 2013 AND 2100),
        approval_date     date NOT NULL,
        start_date        date,
        completion_date   date,
        acceptance_date   date,
        acceptance_result text CHECK (acceptance_result IN ('PASSED', 'FAILED')),
        acceptance_note   text CHECK (length(acceptance_note) <= 500),
        move_in_date      date,
        floor_area        numeric(7, 2) CHECK (floor_area >= 5 AND floor_area <= 1000),
        subsidy_fen       bigint NOT NULL CHECK (subsidy_fen BETWEEN 0 AND 10000000),
        self_raised_fen   bigint NOT NULL DEFAULT 0 CHECK (self_raised_fen BETWEEN 0 AND 50000000),
        recorded_at       timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK (plan_year = extract(year FROM approval_date)),
        CHECK (start_date IS NULL OR start_date >= approval_date),
        CHECK (completion_date IS NULL OR (start_date IS NOT NULL AND completion_date >= start_date)),
        CHECK (acceptance_date IS NULL OR (completion_date IS NOT NULL AND acceptance_date >= completion_date)),
        CHECK ((acceptance_date IS NULL) = (acceptance_result IS NULL)),
        CHECK (move_in_date IS NULL OR (acceptance_result = 'PASSED' AND move_in_date >= acceptance_date)),
        CHECK (status <> 'APPROVED' OR start_date IS NULL),
        CHECK (status <> 'STARTED' OR (start_date IS NOT NULL AND completion_date IS NULL)),
        CHECK (status <> 'COMPLETED' OR (completion_date IS NOT NULL AND acceptance_date IS NULL)),
        CHECK (status <> 'ACCEPTED' OR (acceptance_result = 'PASSED' AND move_in_date IS NULL)),
        CHECK (status <> 'FAILED_ACCEPTANCE' OR acceptance_result = 'FAILED'),
        CHECK (status <> 'MOVED_IN' OR move_in_date IS NOT NULL)
      );
      CREATE INDEX renovation_project_household_idx ON renovation_project (household_id, id);
      -- At most one project per household that has not passed acceptance.
      CREATE UNIQUE INDEX renovation_project_open_idx ON renovation_project (household_id) WHERE acceptance_result IS DISTINCT FROM 'PASSED';
      CREATE INDEX renovation_project_year_idx ON renovation_project (plan_year, id);
      CREATE INDEX renovation_project_status_idx ON renovation_project (status, id);

      CREATE TABLE relocation_housing (
        id                   text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9]{16}-S[0-9]{2}$'),
        household_id         text COLLATE "C" NOT NULL UNIQUE CHECK (household_id ~ '^[0-9]{16}$'),
        plan_year            smallint NOT NULL CHECK (plan_year BETWEEN 2013 AND 2100),
        site_name            text NOT NULL CHECK (length(site_name) BETWEEN 1 AND 60),
        site_region_code     text COLLATE "C" CHECK (site_region_code ~ '^[0-9]{12}$'),
        mode                 text NOT NULL CHECK (mode IN ('CENTRALISED', 'DISPERSED')),
        unit_area            numeric(6, 2) NOT NULL CHECK (unit_area >= 5),
        persons_relocated    smallint NOT NULL CHECK (persons_relocated BETWEEN 1 AND 99),
        allocation_date      date NOT NULL,
        handover_date        date,
        move_in_date         date,
        old_house_demolished boolean NOT NULL DEFAULT false,
        demolition_date      date,
        land_reclaimed       boolean NOT NULL DEFAULT false,
        subsidy_fen          bigint NOT NULL CHECK (subsidy_fen BETWEEN 0 AND 50000000),
        recorded_at          timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        -- 建档立卡搬迁户人均住房面积不超过 25 平方米.
        CHECK (unit_area <= 25 * persons_relocated),
        CHECK (handover_date IS NULL OR handover_date >= allocation_date),
        CHECK (move_in_date IS NULL OR (handover_date IS NOT NULL AND move_in_date >= handover_date)),
        CHECK (old_house_demolished = (demolition_date IS NOT NULL)),
        CHECK (demolition_date IS NULL OR (move_in_date IS NOT NULL AND demolition_date >= move_in_date)),
        CHECK (NOT land_reclaimed OR old_house_demolished)
      );
      CREATE INDEX relocation_housing_year_idx ON relocation_housing (plan_year, id);

      -- The persons a relocation moved (搬迁人口); a person is relocated at most once.
      CREATE TABLE relocation_member (
        relocation_id text COLLATE "C" NOT NULL REFERENCES relocation_housing(id),
        person_id     text COLLATE "C" NOT NULL UNIQUE CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        household_id  text COLLATE "C" NOT NULL,
        PRIMARY KEY (relocation_id, person_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE relocation_member, relocation_housing, renovation_project, dwelling_appraisal');
  }
}
