import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The civil-affairs (民政) records, reference/domain.md §2.4–2.6: dibao enrolments with their
 * covered persons and re-checks, destitute support, temporary assistance, the two disability
 * allowances and medical assistance.
 *
 * Household and person IDs come from the register (no foreign key across departments: the register
 * is checked on write). IDs of our own records carry the household ID, so that they are stable,
 * readable, and sort by household: DB-<household>-NN, TK-…-NN, LS-…-NNN, CB-…-NN, YJ-…-NNNN.
 * End dates are inclusive (the last day covered).
 */
export class CivilAffairs1700000000001 implements MigrationInterface {
  name = 'CivilAffairs1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- 低保标准 per year and category, yuan per person per month (as fen).
      CREATE TABLE dibao_line (
        year        smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        category    text NOT NULL CHECK (category IN ('URBAN', 'RURAL')),
        monthly_fen bigint NOT NULL CHECK (monthly_fen > 0),
        verified    boolean NOT NULL,
        source      text NOT NULL,
        PRIMARY KEY (year, category)
      );

      CREATE TABLE dibao_enrolment (
        id                          text COLLATE "C" PRIMARY KEY CHECK (id ~ '^DB-[0-9]{16}-[0-9]{2}$'),
        household_id                text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        category                    text NOT NULL CHECK (category IN ('URBAN', 'RURAL')),
        classification              text NOT NULL CHECK (classification IN ('A', 'B', 'C')),
        certificate_no              text NOT NULL UNIQUE CHECK (certificate_no ~ '^[0-9A-Z-]{6,40}$'),
        assessed_income_monthly_fen bigint NOT NULL CHECK (assessed_income_monthly_fen >= 0),
        dibao_line_monthly_fen      bigint NOT NULL CHECK (dibao_line_monthly_fen > 0),
        approved_monthly_amount_fen bigint NOT NULL CHECK (approved_monthly_amount_fen >= 0),
        monthly_amount_fen          bigint NOT NULL CHECK (monthly_amount_fen >= 0),
        recheck_interval_months     smallint NOT NULL CHECK (recheck_interval_months IN (3, 6, 12)),
        application_date            date NOT NULL,
        approval_date               date NOT NULL,
        start_date                  date NOT NULL,
        end_date                    date,
        end_reason                  text CHECK (end_reason IN ('INCOME_ABOVE_LINE', 'RECHECK_STOPPED', 'MOVED_AWAY', 'DECEASED', 'TRANSFERRED', 'NO_LONGER_ELIGIBLE', 'WITHDRAWN', 'ROSTER_CORRECTION')),
        created_at                  timestamptz NOT NULL DEFAULT now(),
        updated_at                  timestamptz NOT NULL DEFAULT now(),
        CHECK (approval_date >= application_date),
        CHECK (start_date >= application_date),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((end_date IS NULL) = (end_reason IS NULL))
      );
      CREATE INDEX dibao_enrolment_household_idx ON dibao_enrolment (household_id, id);
      -- At most one enrolment in force per household.
      CREATE UNIQUE INDEX dibao_enrolment_open_idx ON dibao_enrolment (household_id) WHERE end_date IS NULL;

      -- 保障人员: who an enrolment covers, and from when (newborns join at a re-check).
      CREATE TABLE dibao_covered_person (
        enrolment_id text COLLATE "C" NOT NULL REFERENCES dibao_enrolment(id),
        person_id    text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        household_id text COLLATE "C" NOT NULL,
        covered_from date NOT NULL,
        covered_to   date,
        PRIMARY KEY (enrolment_id, person_id),
        CHECK (covered_to IS NULL OR covered_to >= covered_from)
      );
      CREATE INDEX dibao_covered_person_person_idx ON dibao_covered_person (person_id);
      CREATE INDEX dibao_covered_person_household_idx ON dibao_covered_person (household_id);

      -- 复核: periodic re-checks (every 6 or 12 months).
      CREATE TABLE dibao_recheck (
        enrolment_id                text COLLATE "C" NOT NULL REFERENCES dibao_enrolment(id),
        recheck_date                date NOT NULL,
        household_id                text COLLATE "C" NOT NULL,
        result                      text NOT NULL CHECK (result IN ('CONTINUE', 'ADJUST', 'STOP')),
        assessed_income_monthly_fen bigint NOT NULL CHECK (assessed_income_monthly_fen >= 0),
        dibao_line_monthly_fen      bigint NOT NULL CHECK (dibao_line_monthly_fen > 0),
        persons_covered             smallint NOT NULL CHECK (persons_covered >= 0),
        new_monthly_amount_fen      bigint CHECK (new_monthly_amount_fen >= 0),
        notes                       text,
        PRIMARY KEY (enrolment_id, recheck_date),
        CHECK ((result = 'STOP') = (new_monthly_amount_fen IS NULL))
      );

      -- 特困人员供养: person-level.
      CREATE TABLE destitute_support (
        id                       text COLLATE "C" PRIMARY KEY CHECK (id ~ '^TK-[0-9]{16}-[0-9]{2}$'),
        household_id             text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id                text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        mode                     text NOT NULL CHECK (mode IN ('INSTITUTIONAL', 'AT_HOME')),
        self_care                text NOT NULL CHECK (self_care IN ('FULL', 'PART', 'NONE')),
        basic_living_monthly_fen bigint NOT NULL CHECK (basic_living_monthly_fen > 0),
        care_monthly_fen         bigint NOT NULL CHECK (care_monthly_fen >= 0),
        institution_name         text,
        certificate_no           text NOT NULL UNIQUE CHECK (certificate_no ~ '^[0-9A-Z-]{6,40}$'),
        application_date         date NOT NULL,
        approval_date            date NOT NULL,
        start_date               date NOT NULL,
        end_date                 date,
        end_reason               text CHECK (end_reason IN ('INCOME_ABOVE_LINE', 'RECHECK_STOPPED', 'MOVED_AWAY', 'DECEASED', 'TRANSFERRED', 'NO_LONGER_ELIGIBLE', 'WITHDRAWN', 'ROSTER_CORRECTION')),
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        CHECK ((mode = 'INSTITUTIONAL') = (institution_name IS NOT NULL)),
        CHECK (approval_date >= application_date),
        CHECK (start_date >= application_date),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((end_date IS NULL) = (end_reason IS NULL))
      );
      CREATE INDEX destitute_support_household_idx ON destitute_support (household_id, id);
      CREATE INDEX destitute_support_person_idx ON destitute_support (person_id);
      CREATE UNIQUE INDEX destitute_support_open_idx ON destitute_support (person_id) WHERE end_date IS NULL;

      -- 临时救助: events, not enrolments.
      CREATE TABLE temporary_assistance (
        id                  text COLLATE "C" PRIMARY KEY CHECK (id ~ '^LS-[0-9]{16}-[0-9]{3}$'),
        household_id        text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id           text COLLATE "C" CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        cause               text NOT NULL CHECK (cause IN ('EMERGENCY', 'EXPENSE')),
        reason              text NOT NULL CHECK (reason IN ('ILLNESS', 'ACCIDENT', 'DISASTER', 'FIRE', 'EDUCATION_EXPENSE', 'BASIC_LIVING', 'OTHER')),
        procedure           text NOT NULL CHECK (procedure IN ('EMERGENCY', 'NORMAL')),
        cash_amount_fen     bigint NOT NULL CHECK (cash_amount_fen >= 0),
        in_kind_description text,
        in_kind_value_fen   bigint CHECK (in_kind_value_fen >= 0),
        event_date          date NOT NULL,
        approval_date       date NOT NULL,
        year                smallint NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        CHECK (approval_date >= event_date),
        CHECK (year = extract(year FROM approval_date)),
        CHECK (cash_amount_fen > 0 OR in_kind_description IS NOT NULL),
        CHECK ((in_kind_description IS NULL) = (in_kind_value_fen IS NULL)),
        UNIQUE (household_id, event_date, reason)
      );
      CREATE INDEX temporary_assistance_year_idx ON temporary_assistance (year, household_id);

      -- 残疾人两项补贴.
      CREATE TABLE disability_allowance (
        id                 text COLLATE "C" PRIMARY KEY CHECK (id ~ '^CB-[0-9]{16}-[0-9]{2}$'),
        household_id       text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id          text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        type               text NOT NULL CHECK (type IN ('LIVING_ALLOWANCE', 'NURSING_SUBSIDY')),
        disability_grade   smallint NOT NULL CHECK (disability_grade BETWEEN 1 AND 4),
        monthly_amount_fen bigint NOT NULL CHECK (monthly_amount_fen > 0),
        start_date         date NOT NULL,
        end_date           date,
        end_reason         text CHECK (end_reason IN ('INCOME_ABOVE_LINE', 'RECHECK_STOPPED', 'MOVED_AWAY', 'DECEASED', 'TRANSFERRED', 'NO_LONGER_ELIGIBLE', 'WITHDRAWN', 'ROSTER_CORRECTION')),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (type <> 'NURSING_SUBSIDY' OR disability_grade <= 2),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((end_date IS NULL) = (end_reason IS NULL))
      );
      CREATE INDEX disability_allowance_household_idx ON disability_allowance (household_id, id);
      CREATE INDEX disability_allowance_person_idx ON disability_allowance (person_id);
      CREATE UNIQUE INDEX disability_allowance_open_idx ON disability_allowance (person_id, type) WHERE end_date IS NULL;

      -- 医疗救助: civil affairs' support to the HEALTH duty area. The same events the health department
      -- records: premium subsidies on its insurance enrolments (<person>:<year>:<scheme>), treatment
      -- grants on its hospital settlements (settlement number). Premium subsidies are granted in the
      -- collection period, so their insurance year may be the year after the grant date.
      CREATE TABLE medical_assistance (
        id                     text COLLATE "C" PRIMARY KEY CHECK (id ~ '^YJ-[0-9]{16}-[0-9]{4}$'),
        household_id           text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id              text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        type                   text NOT NULL CHECK (type IN ('PREMIUM_SUBSIDY', 'TREATMENT')),
        grant_date             date NOT NULL,
        year                   smallint NOT NULL,
        amount_fen             bigint NOT NULL CHECK (amount_fen > 0),
        self_paid_cost_fen     bigint CHECK (self_paid_cost_fen >= 0),
        settlement_number      text,
        insurance_enrolment_id text,
        created_at             timestamptz NOT NULL DEFAULT now(),
        CHECK (year = extract(year FROM grant_date) OR (type = 'PREMIUM_SUBSIDY' AND year = extract(year FROM grant_date) + 1)),
        CHECK (type = 'TREATMENT' OR (settlement_number IS NULL AND self_paid_cost_fen IS NULL)),
        CHECK (type = 'PREMIUM_SUBSIDY' OR insurance_enrolment_id IS NULL),
        CHECK (self_paid_cost_fen IS NULL OR amount_fen <= self_paid_cost_fen)
      );
      CREATE INDEX medical_assistance_household_idx ON medical_assistance (household_id, id);
      CREATE INDEX medical_assistance_person_idx ON medical_assistance (person_id);
      CREATE INDEX medical_assistance_year_idx ON medical_assistance (year, household_id);
      -- 资助参保 once per person and insurance year.
      CREATE UNIQUE INDEX medical_assistance_premium_idx ON medical_assistance (person_id, year) WHERE type = 'PREMIUM_SUBSIDY';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE medical_assistance, disability_allowance, temporary_assistance, destitute_support,
        dibao_recheck, dibao_covered_person, dibao_enrolment, dibao_line;
    `);
  }
}
