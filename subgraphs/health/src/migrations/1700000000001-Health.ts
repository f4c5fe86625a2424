import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The health department's records (reference/domain.md §2.9): insurance enrolments, family-doctor
 * contracts, serious-illness special treatment and hospital settlements. Household and person IDs
 * are the register's (checked against the poverty office on write, no foreign key across
 * departments) and use the "C" collation so that a region prefix is a B-tree range.
 */
export class Health1700000000001 implements MigrationInterface {
  name = 'Health1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insurance_enrolment (
        id                          text COLLATE "C" PRIMARY KEY,
        household_id                text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id                   text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        year                        smallint NOT NULL CHECK (year BETWEEN 2013 AND 2100),
        scheme                      text NOT NULL CHECK (scheme IN ('BASIC', 'CRITICAL_ILLNESS', 'COMMERCIAL_TOP_UP')),
        premium_fen                 bigint NOT NULL CHECK (premium_fen >= 0),
        individual_contribution_fen bigint NOT NULL CHECK (individual_contribution_fen >= 0),
        subsidy_status              text NOT NULL CHECK (subsidy_status IN ('FULL', 'PARTIAL', 'NONE')),
        subsidy_fen                 bigint NOT NULL CHECK (subsidy_fen >= 0),
        subsidising_department      text CHECK (subsidising_department IN ('CIVIL_AFFAIRS', 'FINANCE', 'POVERTY_OFFICE', 'DISABLED_PERSONS_FEDERATION')),
        enrolled_on                 date NOT NULL,
        cancelled_on                date,
        cancellation_reason         text,
        created_at                  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT insurance_enrolment_natural_key UNIQUE (person_id, year, scheme),
        CONSTRAINT insurance_enrolment_id_is_natural CHECK (id = person_id || ':' || year || ':' || scheme),
        CONSTRAINT insurance_enrolment_parts CHECK (individual_contribution_fen + subsidy_fen <= premium_fen),
        CONSTRAINT insurance_enrolment_subsidy CHECK (
          (subsidy_status = 'NONE' AND subsidy_fen = 0 AND subsidising_department IS NULL)
          OR (subsidy_status = 'FULL' AND subsidy_fen > 0 AND individual_contribution_fen = 0 AND subsidising_department IS NOT NULL)
          OR (subsidy_status = 'PARTIAL' AND subsidy_fen > 0 AND individual_contribution_fen > 0 AND subsidising_department IS NOT NULL)),
        CONSTRAINT insurance_enrolment_cancellation CHECK ((cancelled_on IS NULL) = (cancellation_reason IS NULL) AND (cancelled_on IS NULL OR cancelled_on >= enrolled_on))
      );
      CREATE INDEX insurance_enrolment_household_idx ON insurance_enrolment (household_id, id);
      CREATE INDEX insurance_enrolment_year_idx ON insurance_enrolment (year, household_id, id);

      CREATE TABLE family_doctor_contract (
        id                   bigserial PRIMARY KEY,
        household_id         text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id            text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        doctor_name          text NOT NULL CHECK (length(doctor_name) BETWEEN 1 AND 30),
        facility_name        text NOT NULL CHECK (length(facility_name) BETWEEN 1 AND 60),
        facility_level       text NOT NULL CHECK (facility_level IN ('VILLAGE_CLINIC', 'TOWNSHIP_HEALTH_CENTRE')),
        disease              text CHECK (disease IN ('HYPERTENSION', 'DIABETES', 'CORONARY_HEART_DISEASE', 'COPD', 'STROKE_SEQUELAE',
                                                     'SEVERE_MENTAL_ILLNESS', 'TUBERCULOSIS', 'RHEUMATOID_ARTHRITIS', 'CHRONIC_HEPATITIS', 'OTHER_CHRONIC')),
        start_date           date NOT NULL,
        end_date             date NOT NULL,
        follow_ups_required  smallint NOT NULL CHECK (follow_ups_required BETWEEN 0 AND 52),
        follow_ups_done      smallint NOT NULL DEFAULT 0 CHECK (follow_ups_done BETWEEN 0 AND 366),
        last_follow_up_on    date,
        termination_reason   text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT family_doctor_contract_natural_key UNIQUE (person_id, start_date),
        CONSTRAINT family_doctor_contract_dates CHECK (end_date >= start_date),
        CONSTRAINT family_doctor_contract_follow_up CHECK ((follow_ups_done = 0) = (last_follow_up_on IS NULL)
          AND (last_follow_up_on IS NULL OR last_follow_up_on BETWEEN start_date AND end_date))
      );
      CREATE INDEX family_doctor_contract_household_idx ON family_doctor_contract (household_id, id);
      CREATE INDEX family_doctor_contract_period_idx ON family_doctor_contract (start_date, end_date);

      CREATE TABLE serious_illness_treatment (
        id                   bigserial PRIMARY KEY,
        household_id         text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id            text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        disease              text NOT NULL CHECK (disease IN ('CHILD_CONGENITAL_HEART_DISEASE', 'CHILD_LEUKAEMIA', 'OESOPHAGEAL_CANCER', 'GASTRIC_CANCER',
                                                              'COLORECTAL_CANCER', 'END_STAGE_RENAL_DISEASE', 'LUNG_CANCER', 'BREAST_CANCER', 'CERVICAL_CANCER',
                                                              'SEVERE_MENTAL_ILLNESS', 'MDR_TUBERCULOSIS', 'HAEMOPHILIA')),
        designated_hospital  text NOT NULL CHECK (length(designated_hospital) BETWEEN 1 AND 60),
        hospital_level       text NOT NULL CHECK (hospital_level IN ('TOWNSHIP', 'COUNTY', 'CITY', 'PROVINCE')),
        diagnosed_on         date NOT NULL,
        treatment_started_on date,
        treatment_ended_on   date,
        status               text NOT NULL CHECK (status IN ('DIAGNOSED', 'IN_TREATMENT', 'TREATED', 'DISCONTINUED')),
        created_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT serious_illness_treatment_natural_key UNIQUE (person_id, disease, diagnosed_on),
        CONSTRAINT serious_illness_treatment_dates CHECK (treatment_started_on >= diagnosed_on AND treatment_ended_on >= coalesce(treatment_started_on, diagnosed_on)),
        CONSTRAINT serious_illness_treatment_status CHECK (
          (status = 'DIAGNOSED' AND treatment_started_on IS NULL AND treatment_ended_on IS NULL)
          OR (status = 'IN_TREATMENT' AND treatment_started_on IS NOT NULL AND treatment_ended_on IS NULL)
          OR (status = 'TREATED' AND treatment_started_on IS NOT NULL AND treatment_ended_on IS NOT NULL)
          OR (status = 'DISCONTINUED' AND treatment_ended_on IS NOT NULL))
      );
      CREATE INDEX serious_illness_treatment_household_idx ON serious_illness_treatment (household_id, id);
      CREATE INDEX serious_illness_treatment_person_idx ON serious_illness_treatment (person_id);

      CREATE TABLE hospital_settlement (
        id                     bigserial PRIMARY KEY,
        settlement_number      text NOT NULL UNIQUE CHECK (settlement_number ~ '^[A-Za-z0-9-]{6,40}$'),
        household_id           text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id              text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        hospital_name          text NOT NULL CHECK (length(hospital_name) BETWEEN 1 AND 60),
        hospital_level         text NOT NULL CHECK (hospital_level IN ('TOWNSHIP', 'COUNTY', 'CITY', 'PROVINCE')),
        diagnosis              text,
        admitted_on            date NOT NULL,
        discharged_on          date NOT NULL,
        year                   smallint NOT NULL,
        total_cost_fen         bigint NOT NULL CHECK (total_cost_fen > 0),
        basic_insurance_fen    bigint NOT NULL CHECK (basic_insurance_fen >= 0),
        critical_illness_fen   bigint NOT NULL CHECK (critical_illness_fen >= 0),
        medical_assistance_fen bigint NOT NULL CHECK (medical_assistance_fen >= 0),
        safety_net_fen         bigint NOT NULL CHECK (safety_net_fen >= 0),
        commercial_top_up_fen  bigint NOT NULL CHECK (commercial_top_up_fen >= 0),
        out_of_pocket_fen      bigint NOT NULL CHECK (out_of_pocket_fen >= 0),
        deferred_payment       boolean NOT NULL,
        deferred_paid_on       date,
        one_stop_settled       boolean NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT hospital_settlement_dates CHECK (discharged_on >= admitted_on AND year = extract(year FROM discharged_on)),
        CONSTRAINT hospital_settlement_parts CHECK (basic_insurance_fen + critical_illness_fen + medical_assistance_fen + safety_net_fen
                                                    + commercial_top_up_fen + out_of_pocket_fen = total_cost_fen),
        CONSTRAINT hospital_settlement_deferred CHECK (deferred_paid_on IS NULL OR (deferred_payment AND deferred_paid_on >= discharged_on))
      );
      CREATE INDEX hospital_settlement_household_idx ON hospital_settlement (household_id, id);
      CREATE INDEX hospital_settlement_year_idx ON hospital_settlement (year, household_id, id);
      CREATE INDEX hospital_settlement_person_idx ON hospital_settlement (person_id, admitted_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE hospital_settlement, serious_illness_treatment, family_doctor_contract, insurance_enrolment');
  }
}
