import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreditRating, DisbursementStatus, FinanceDutyArea, FundedDepartment, LoanBank, LoanPurpose, MicroLoanStatus, Payee, PeriodKind, Programme, RiskFundSource } from '../codes';

const list = (values: Record<string, string>) => Object.values(values).map((v) => `'${v}'`).join(', ');

/**
 * The finance department's tables: 一卡通 subsidy disbursements, poverty microcredit with its
 * repayments, and the county risk-compensation fund. Household and person IDs are validated by the
 * register (no foreign key across departments); money is bigint fen.
 */
export class Finance1700000000001 implements MigrationInterface {
  name = 'Finance1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disbursement (
        id               bigserial PRIMARY KEY,
        household_id     text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        person_id        text COLLATE "C" CHECK (person_id ~ '^[0-9]{16}-[0-9]{2}$'),
        programme        text NOT NULL CHECK (programme IN (${list(Programme)})),
        duty_area        text NOT NULL CHECK (duty_area IN (${list(FinanceDutyArea)})),
        department       text NOT NULL CHECK (department IN (${list(FundedDepartment)})),
        payee            text NOT NULL CHECK (payee IN (${list(Payee)})),
        amount_fen       bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 100000000),
        payment_date     date NOT NULL,
        period           text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-S[12])?$'),
        period_kind      text NOT NULL CHECK (period_kind IN (${list(PeriodKind)})),
        year             smallint NOT NULL CHECK (year BETWEEN 2013 AND 2100 AND year = substr(period, 1, 4)::smallint),
        batch_no         text NOT NULL CHECK (batch_no ~ '^[0-9A-Z-]{6,40}$'),
        status           text NOT NULL CHECK (status IN (${list(DisbursementStatus)})),
        status_reason    text,
        returned_on      date,
        source_record_id text CHECK (length(source_record_id) BETWEEN 1 AND 64),
        created_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE period_kind
                 WHEN 'MONTH' THEN period ~ '-[0-9]{2}$'
                 WHEN 'QUARTER' THEN period ~ '-Q[1-4]$'
                 WHEN 'SEMESTER' THEN period ~ '-S[12]$'
                 ELSE period ~ '^[0-9]{4}$' END),
        CHECK (status = 'PAID' OR status_reason IS NOT NULL),
        CHECK (payee <> 'PERSON' OR person_id IS NOT NULL),
        CHECK ((status = 'RETURNED') = (returned_on IS NOT NULL) AND (returned_on IS NULL OR returned_on >= payment_date)),
        -- One payment per programme, period, household, member, source record and batch; a
        -- returned payment is re-issued in a later batch.
        CONSTRAINT disbursement_natural_key UNIQUE NULLS NOT DISTINCT (programme, period, household_id, person_id, source_record_id, batch_no)
      );
      CREATE INDEX disbursement_household_idx ON disbursement (household_id, id);
      CREATE INDEX disbursement_year_idx ON disbursement (year, household_id, id);
      CREATE INDEX disbursement_person_idx ON disbursement (person_id) WHERE person_id IS NOT NULL;
      -- Interest subsidies by loan (the other source records are looked up by their own departments).
      CREATE INDEX disbursement_loan_idx ON disbursement (source_record_id) WHERE programme = 'MICROCREDIT_INTEREST_SUBSIDY';

      CREATE TABLE micro_loan (
        id                 text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9A-Z-]{6,40}$'),
        household_id       text COLLATE "C" NOT NULL CHECK (household_id ~ '^[0-9]{16}$'),
        borrower_id        text COLLATE "C" NOT NULL CHECK (borrower_id ~ '^[0-9]{16}-[0-9]{2}$'),
        credit_rating      text NOT NULL CHECK (credit_rating IN (${list(CreditRating)})),
        credit_line_fen    bigint NOT NULL CHECK (credit_line_fen > 0 AND credit_line_fen <= 5000000),
        bank               text NOT NULL CHECK (bank IN (${list(LoanBank)})),
        amount_fen         bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= credit_line_fen),
        disbursement_date  date NOT NULL CHECK (disbursement_date >= DATE '2014-01-01'),
        term_months        smallint NOT NULL CHECK (term_months BETWEEN 1 AND 36),
        maturity_date      date NOT NULL CHECK (maturity_date > disbursement_date),
        annual_rate_bp     integer NOT NULL CHECK (annual_rate_bp BETWEEN 1 AND 1500),
        subsidy_share_pct  smallint NOT NULL DEFAULT 100 CHECK (subsidy_share_pct BETWEEN 0 AND 100),
        purpose            text NOT NULL CHECK (purpose IN (${list(LoanPurpose)})),
        purpose_detail     text,
        status             text NOT NULL CHECK (status IN (${list(MicroLoanStatus)})),
        overdue_since      date,
        overdue_amount_fen bigint NOT NULL DEFAULT 0 CHECK (overdue_amount_fen >= 0 AND overdue_amount_fen <= amount_fen),
        repaid_on          date,
        defaulted_on       date,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'REPAID') = (repaid_on IS NOT NULL)),
        CHECK ((status = 'DEFAULTED') = (defaulted_on IS NOT NULL)),
        CHECK (status <> 'OVERDUE' OR (overdue_since IS NOT NULL AND overdue_amount_fen > 0))
      );
      CREATE INDEX micro_loan_household_idx ON micro_loan (household_id, id);
      CREATE INDEX micro_loan_borrower_idx ON micro_loan (borrower_id);
      CREATE INDEX micro_loan_date_idx ON micro_loan (disbursement_date, household_id);
      -- 户借户用户还: one open loan per household at a time.
      CREATE UNIQUE INDEX micro_loan_one_open_idx ON micro_loan (household_id) WHERE status IN ('ACTIVE', 'OVERDUE');

      CREATE TABLE micro_loan_repayment (
        id             bigserial PRIMARY KEY,
        loan_id        text COLLATE "C" NOT NULL REFERENCES micro_loan(id),
        repayment_date date NOT NULL,
        principal_fen  bigint NOT NULL CHECK (principal_fen >= 0),
        interest_fen   bigint NOT NULL CHECK (interest_fen >= 0),
        CHECK (principal_fen + interest_fen > 0),
        CONSTRAINT micro_loan_repayment_natural_key UNIQUE (loan_id, repayment_date)
      );

      CREATE TABLE risk_fund_contribution (
        id                bigserial PRIMARY KEY,
        county_code       text COLLATE "C" NOT NULL CHECK (county_code ~ '^[0-9]{6}000000$'),
        contribution_date date NOT NULL,
        amount_fen        bigint NOT NULL CHECK (amount_fen > 0),
        source            text NOT NULL CHECK (source IN (${list(RiskFundSource)})),
        document_no       text,
        CONSTRAINT risk_fund_contribution_natural_key UNIQUE (county_code, contribution_date, source)
      );

      CREATE TABLE risk_fund_compensation (
        id                bigserial PRIMARY KEY,
        county_code       text COLLATE "C" NOT NULL CHECK (county_code ~ '^[0-9]{6}000000$'),
        loan_id           text COLLATE "C" NOT NULL UNIQUE REFERENCES micro_loan(id),
        compensation_date date NOT NULL,
        amount_fen        bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 5000000),
        fund_share_pct    smallint NOT NULL CHECK (fund_share_pct BETWEEN 1 AND 100)
      );
      CREATE INDEX risk_fund_compensation_county_idx ON risk_fund_compensation (county_code, compensation_date);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE risk_fund_compensation, risk_fund_contribution, micro_loan_repayment, micro_loan, disbursement');
  }
}
