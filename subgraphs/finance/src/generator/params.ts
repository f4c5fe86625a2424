import { Weighted } from '@saf/poverty-office';
import { CreditRating, LoanBank, LoanPurpose } from '../codes';

/**
 * Parameters of the synthetic finance records. Policy figures come from reference/domain.md §2.10
 * (cited there); the rest are assumptions named here so that they are easy to revise. Amounts of the
 * programmes other departments record (dibao, aid, premiums, renovations) come from their generators.
 */

/** The register covers 2014–2020; payments stop at the end of the last data year. */
export const FIRST_DATA_YEAR = 2014;
export const LAST_DATA_YEAR = 2020;

/** Payment outcomes: returned and failed shares, and how many of those are re-issued. */
export const RETURNED_SHARE = 0.012;
export const FAILED_SHARE = 0.004;
export const REISSUED_SHARE = 0.85;
/** Scheduled payments that never happen (gaps), recurring and one-off. */
export const GAP_SHARE_RECURRING = 0.008;
export const GAP_SHARE_ONE_OFF = 0.02;
export const RETURN_REASONS = ['账户已销户', '账户冻结', '户名与账号不符', '账户挂失', '一卡通账户未激活'] as const;
export const FAILURE_REASONS = ['银行系统退票', '账号不存在', '身份证号校验不符'] as const;

// ---------------------------------------------------------------------------------------------
// Microcredit (国开办发〔2014〕78号)

/** Base share of households with an able member aged 18–65 that borrow (target 10–30 %). */
export const BORROW_SHARE = 0.2;
export const FIRST_LOAN_YEARS = new Weighted<number>([[2015, 0.16], [2016, 0.3], [2017, 0.27], [2018, 0.14], [2019, 0.09], [2020, 0.04]]);
export const RATINGS = new Weighted<CreditRating>([[CreditRating.AAA, 0.5], [CreditRating.AA, 0.35], [CreditRating.A, 0.15]]);
/** Loan amounts by rating, yuan. */
export const AMOUNTS: Record<CreditRating, Weighted<number>> = {
  [CreditRating.AAA]: new Weighted<number>([[50000, 0.6], [40000, 0.1], [30000, 0.2], [20000, 0.1]]),
  [CreditRating.AA]: new Weighted<number>([[30000, 0.5], [20000, 0.3], [10000, 0.2]]),
  [CreditRating.A]: new Weighted<number>([[10000, 0.6], [8000, 0.2], [5000, 0.2]]),
};
export const TERMS = new Weighted<number>([[36, 0.55], [24, 0.15], [12, 0.3]]);
export const BANKS = new Weighted<LoanBank>([
  [LoanBank.RURAL_COMMERCIAL_BANK, 0.6], [LoanBank.POSTAL_SAVINGS_BANK, 0.25], [LoanBank.AGRICULTURAL_BANK, 0.1], [LoanBank.VILLAGE_BANK, 0.05],
]);
export const PURPOSES = new Weighted<LoanPurpose>([
  [LoanPurpose.LIVESTOCK, 0.35], [LoanPurpose.PLANTING, 0.3], [LoanPurpose.COOPERATIVE_SHARE, 0.12], [LoanPurpose.SMALL_BUSINESS, 0.1],
  [LoanPurpose.RURAL_TOURISM, 0.07], [LoanPurpose.PROCESSING, 0.06],
]);
export const PURPOSE_DETAILS: Record<LoanPurpose, readonly string[]> = {
  [LoanPurpose.LIVESTOCK]: ['养殖生猪', '养殖山羊', '养殖肉牛', '养殖土鸡', '养殖蜜蜂', '养殖鱼塘'],
  [LoanPurpose.PLANTING]: ['种植柑橘', '种植中药材', '种植茶叶', '种植蔬菜', '种植核桃', '种植猕猴桃'],
  [LoanPurpose.COOPERATIVE_SHARE]: ['入股专业合作社分红', '入股扶贫车间'],
  [LoanPurpose.SMALL_BUSINESS]: ['开办小卖部', '农机维修', '电商销售农产品', '运输经营'],
  [LoanPurpose.RURAL_TOURISM]: ['开办农家乐', '民宿改造'],
  [LoanPurpose.PROCESSING]: ['农产品加工作坊', '红苕粉条加工', '腊肉加工'],
};
/** 人民银行 benchmark lending rates (≤ 1 year / 1–5 years), basis points, from the date given. */
export const BENCHMARK_RATES: ReadonlyArray<readonly [string, number, number]> = [
  ['2014-01-01', 600, 615],
  ['2014-11-22', 560, 600],
  ['2015-03-01', 535, 575],
  ['2015-05-11', 510, 550],
  ['2015-06-28', 485, 525],
  ['2015-08-26', 460, 500],
  ['2015-10-24', 435, 475],
];
/** Outcomes: paid late (then repaid) and defaulted shares of loans that reach maturity. */
export const LATE_SHARE = 0.05;
export const DEFAULT_SHARE = 0.015;
/** Share of borrowers who borrow again (续贷) after paying off. */
export const RENEWAL_SHARE = 0.35;
/** Share of 36-month loans repaid in yearly instalments instead of at maturity. */
export const INSTALMENT_SHARE = 0.2;
/** Leverage the county aims at (放大倍数 of the risk fund), and the fund's share of a loss. */
export const TARGET_LEVERAGE = [7, 9] as const;
export const FUND_SHARES = new Weighted<number>([[100, 0.2], [80, 0.4], [70, 0.4]]);

// ---------------------------------------------------------------------------------------------
// Programmes of leads without a subgraph (register-based)

export const INDUSTRY_SUBSIDY_SHARE = 0.35;
export const INDUSTRY_SUBSIDY_YUAN = [1000, 5000] as const;
export const FOREST_RANGER_SHARE = 0.04; // 生态护林员, mountain towns
export const FOREST_RANGER_QUARTER_YUAN = 2500;
export const GRAIN_FOR_GREEN_SHARE = 0.12; // 退耕还林, mountain towns
export const MIGRANT_TRANSPORT_SHARE = 0.35; // 外出务工交通补贴
