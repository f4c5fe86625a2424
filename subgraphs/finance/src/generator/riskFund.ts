import { hash32 } from '@saf/poverty-office';
import { RiskFundSource } from '../codes';
import { day, formatDay } from './dates';
import { FINANCE_SALT } from './entitlements';
import * as P from './params';
import { ContributionRow } from './rows';

/** County totals gathered while the households are generated. */
export interface CountyBook {
  countyCode: string;
  outstandingByYear: Record<number, number>;
  compensationByYear: Record<number, number>;
}

export function emptyBook(countyCode: string): CountyBook {
  return { countyCode, outstandingByYear: {}, compensationByYear: {} };
}

export function addToBook(book: CountyBook, outstandingByYear: Record<number, number>, compensationByYear: Record<number, number>): void {
  for (const [y, v] of Object.entries(outstandingByYear)) book.outstandingByYear[Number(y)] = (book.outstandingByYear[Number(y)] ?? 0) + v;
  for (const [y, v] of Object.entries(compensationByYear)) book.compensationByYear[Number(y)] = (book.compensationByYear[Number(y)] ?? 0) + v;
}

const STEP_FEN = 100_000_00; // contributions in multiples of 100,000 yuan

/**
 * The county's contributions to its risk-compensation fund (风险补偿金): an initial endowment when
 * lending starts, then each spring whatever keeps the fund at the target leverage (loans outstanding
 * at the year's end / balance, 7–9) after the year's compensations. Mostly from the county budget,
 * sometimes from the poverty fund or the city.
 */
export function riskFundContributions(book: CountyBook, seed: number): ContributionRow[] {
  const years = Object.keys(book.outstandingByYear).map(Number).sort((a, b) => a - b);
  const rows: ContributionRow[] = [];
  let balance = 0;
  for (const y of years) {
    const u = hash32(seed, FINANCE_SALT, 0xf00d, y) / 4294967296;
    const leverage = P.TARGET_LEVERAGE[0] + u * (P.TARGET_LEVERAGE[1] - P.TARGET_LEVERAGE[0]);
    const compensations = book.compensationByYear[y] ?? 0;
    const needed = Math.ceil(book.outstandingByYear[y] / leverage) + compensations - balance;
    const amount = Math.max(0, Math.ceil(needed / STEP_FEN) * STEP_FEN);
    balance += amount - compensations;
    if (amount === 0) continue;
    const source = rows.length === 0 ? RiskFundSource.COUNTY_BUDGET : u < 0.6 ? RiskFundSource.COUNTY_BUDGET : u < 0.85 ? RiskFundSource.POVERTY_FUND : RiskFundSource.CITY_BUDGET;
    const date = day(y, 2, 20) + Math.floor(u * 40);
    rows.push({
      countyCode: book.countyCode,
      contributionDate: formatDay(date),
      amountFen: amount,
      source,
      documentNo: `${book.countyCode.slice(0, 6)}财农〔${y}〕${1 + Math.floor(u * 90)}号`,
    });
  }
  return rows;
}
