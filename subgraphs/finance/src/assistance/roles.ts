import { ContributionRole, DutyAreaCode } from '@saf/kit';
import { FinanceDutyArea } from '../codes';

/** Finance's duty-matrix code, as measures and contributions name it. */
export const FINANCE = 'FINANCE';

/**
 * Finance's role per duty area, as duty-matrix.json assigns it (the tests check this table against
 * the matrix): SUPPORT (配合) in the eleven areas it pays in, JOINT in FUND_SUPERVISION (item 12).
 * Areas not listed: finance has no part.
 */
export const FINANCE_ROLES: Readonly<Partial<Record<DutyAreaCode, ContributionRole>>> = {
  ...Object.fromEntries(Object.values(FinanceDutyArea).map((area) => [area, ContributionRole.SUPPORT])),
  [DutyAreaCode.FUND_SUPERVISION]: ContributionRole.JOINT,
};

/** The area microcredit loans count in (金融扶贫). */
export const LOAN_AREA = DutyAreaCode.FINANCIAL_SERVICES;

/** The programme code of a microcredit loan measure (not a Disbursement programme: loans are their own records). */
export const LOAN_PROGRAMME = 'MICROCREDIT_LOAN';
