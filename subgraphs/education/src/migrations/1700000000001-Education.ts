import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  DropoutReason,
  DropoutResolution,
  EducationStage,
  EnrolmentStatus,
  FollowUpMethod,
  HomeTeachingReason,
  SchoolLocation,
  StudentAidItem,
  StudentAidSponsor,
  StudentAidStatus,
  StudyMode,
} from '../codes';
import { AidCondition } from '../aidStandards';

const list = (e: Record<string, string>) => Object.values(e).map((v) => `'${v}'`).join(', ');
const SEMESTER = `'^[0-9]{4}-(SPRING|AUTUMN)$'`;

/**
 * The education department's records (reference/domain.md §2.8, §3.1 row 4): student enrolment
 * (学籍) per person and school year, student aid per semester and item, dropout control (控辍保学)
 * with follow-ups, and home teaching (送教上门). Household and person IDs are validated against the
 * register by the API (no foreign key across departments); record IDs are natural keys derived from
 * the person ID, so that duplicates conflict and other departments' generators can name the records.
 */
export class Education1700000000001 implements MigrationInterface {
  name = 'Education1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE student_aid_standard (
        item        text NOT NULL CHECK (item IN (${list(StudentAidItem)})),
        stage       text NOT NULL CHECK (stage IN (${list(EducationStage)})),
        condition   text NOT NULL CHECK (condition IN (${list(AidCondition)})),
        valid_from  text NOT NULL CHECK (valid_from ~ ${SEMESTER}),
        amount_fen  bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 1000000),
        once        boolean NOT NULL DEFAULT false,
        source      text NOT NULL,
        PRIMARY KEY (item, stage, condition, valid_from)
      );

      -- 学籍: one enrolment of a person in a school year (Y = Y-09-01 .. Y+1-08-31).
      CREATE TABLE student_enrolment (
        id              text COLLATE "C" PRIMARY KEY,
        household_id    text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id       text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        school_year     smallint NOT NULL CHECK (school_year BETWEEN 2013 AND 2100),
        school_name     text NOT NULL CHECK (length(school_name) BETWEEN 2 AND 60),
        school_location text NOT NULL CHECK (school_location IN (${list(SchoolLocation)})),
        stage           text NOT NULL CHECK (stage IN (${list(EducationStage)})),
        grade           smallint NOT NULL CHECK (grade BETWEEN 1 AND 6),
        class_name      text CHECK (length(class_name) BETWEEN 1 AND 20),
        student_number  text COLLATE "C" NOT NULL CHECK (student_number ~ '^[A-Z][0-9A-Z]{7,29}$'),
        study_mode      text NOT NULL CHECK (study_mode IN (${list(StudyMode)})),
        status          text NOT NULL CHECK (status IN (${list(EnrolmentStatus)})),
        enrolled_on     date NOT NULL,
        left_on         date,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT student_enrolment_person_year_key UNIQUE (person_id, school_year),
        CONSTRAINT student_enrolment_number_year_key UNIQUE (student_number, school_year),
        CHECK (id = person_id || '/' || school_year),
        CHECK (left_on IS NULL OR left_on >= enrolled_on),
        CHECK ((status IN ('ENROLLED', 'SUSPENDED')) OR left_on IS NOT NULL)
      );
      CREATE INDEX student_enrolment_household_idx ON student_enrolment (household_id, school_year);
      CREATE INDEX student_enrolment_year_idx ON student_enrolment (school_year, household_id);

      -- 资助: one aid item for one student in one semester.
      CREATE TABLE student_aid (
        id                text COLLATE "C" PRIMARY KEY,
        student_id        text COLLATE "C" NOT NULL REFERENCES student_enrolment(id),
        household_id      text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id         text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        item              text NOT NULL CHECK (item IN (${list(StudentAidItem)})),
        semester          text NOT NULL CHECK (semester ~ ${SEMESTER}),
        year              smallint NOT NULL,
        school_year       smallint NOT NULL,
        stage             text NOT NULL CHECK (stage IN (${list(EducationStage)})),
        amount_fen        bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 1000000),
        granted_on        date NOT NULL,
        duty_area         text NOT NULL DEFAULT 'EDUCATION' CHECK (duty_area = 'EDUCATION'),
        sponsor           text NOT NULL CHECK (sponsor IN (${list(StudentAidSponsor)})),
        status            text NOT NULL DEFAULT 'GRANTED' CHECK (status IN (${list(StudentAidStatus)})),
        revoked_on        date,
        revocation_reason text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        -- The primary key with this check makes (person_id, semester, item) unique: one item per
        -- student and semester. (A second unique index on it would halve the bulk-load speed.)
        CHECK (id = person_id || '/' || semester || '/' || item),
        CHECK (year = substr(semester, 1, 4)::smallint),
        CHECK ((status = 'REVOKED') = (revoked_on IS NOT NULL)),
        CHECK (revoked_on IS NULL OR revoked_on >= granted_on)
      );
      CREATE INDEX student_aid_student_idx ON student_aid (student_id);
      CREATE INDEX student_aid_person_idx ON student_aid (person_id);
      CREATE INDEX student_aid_household_idx ON student_aid (household_id, year);
      CREATE INDEX student_aid_year_idx ON student_aid (year, household_id);

      -- 控辍保学: a school-age child out of school, reported once per school year.
      CREATE TABLE dropout_case (
        id                 text COLLATE "C" PRIMARY KEY,
        household_id       text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id          text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        school_year        smallint NOT NULL CHECK (school_year BETWEEN 2013 AND 2100),
        birth_date         date NOT NULL,
        stage              text CHECK (stage IN (${list(EducationStage)})),
        grade              smallint CHECK (grade BETWEEN 1 AND 6),
        school_name        text,
        reason             text NOT NULL CHECK (reason IN (${list(DropoutReason)})),
        reason_detail      text,
        reported_on        date NOT NULL,
        responsible_person text NOT NULL,
        resolution         text CHECK (resolution IN (${list(DropoutResolution)})),
        resolved_on        date,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dropout_case_person_year_key UNIQUE (person_id, school_year),
        CHECK (id = person_id || '/' || school_year || '/DROPOUT'),
        CHECK ((resolution IS NULL) = (resolved_on IS NULL)),
        CHECK (resolved_on IS NULL OR resolved_on >= reported_on),
        CHECK (reported_on > birth_date)
      );
      CREATE INDEX dropout_case_household_idx ON dropout_case (household_id, school_year);
      CREATE INDEX dropout_case_year_idx ON dropout_case (school_year, household_id);

      -- 劝返: persuasion and follow-up of a dropout case.
      CREATE TABLE dropout_follow_up (
        id           bigserial PRIMARY KEY,
        case_id      text COLLATE "C" NOT NULL REFERENCES dropout_case(id),
        household_id text COLLATE "C" NOT NULL,
        follow_up_on date NOT NULL,
        method       text NOT NULL CHECK (method IN (${list(FollowUpMethod)})),
        actor        text NOT NULL,
        outcome      text NOT NULL,
        CONSTRAINT dropout_follow_up_key UNIQUE (case_id, follow_up_on, method)
      );

      -- 送教上门: a child who cannot attend for health reasons is taught at home (counts as schooled).
      CREATE TABLE home_teaching (
        id               text COLLATE "C" PRIMARY KEY,
        household_id     text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id        text COLLATE "C" NOT NULL CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        school_year      smallint NOT NULL CHECK (school_year BETWEEN 2013 AND 2100),
        reason           text NOT NULL CHECK (reason IN (${list(HomeTeachingReason)})),
        school_name      text NOT NULL,
        teacher          text NOT NULL,
        visits_per_month smallint NOT NULL CHECK (visits_per_month BETWEEN 1 AND 8),
        started_on       date NOT NULL,
        ended_on         date,
        end_reason       text,
        dropout_case_id  text COLLATE "C" REFERENCES dropout_case(id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT home_teaching_person_year_key UNIQUE (person_id, school_year),
        CHECK (id = person_id || '/' || school_year || '/HOME'),
        CHECK (ended_on IS NULL OR ended_on >= started_on),
        CHECK ((ended_on IS NULL) = (end_reason IS NULL))
      );
      CREATE INDEX home_teaching_household_idx ON home_teaching (household_id, school_year);
      CREATE INDEX home_teaching_year_idx ON home_teaching (school_year, household_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE home_teaching, dropout_follow_up, dropout_case, student_aid, student_enrolment, student_aid_standard');
  }
}
