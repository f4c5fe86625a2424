import { makeResidentId } from '@saf/kit';
import { hash32 } from './prng';
import { formatDay } from './dates';
import { ALL_ADDRESS_CODES } from './params';

const DAY_OFFSET = 40_000; // day numbers from 1860 on are positive
const PER_DAY_AND_SEX = 500; // odd (male) or even (female) sequence codes 000-999

/**
 * Hands out unique resident ID numbers (GB 11643-1999). Uniqueness is by construction: a counter per
 * (address code, birth date, sex) picks the next free sequence code from a seeded starting point.
 * Memory is bounded by the number of distinct (address code, birth date) pairs, not by the number
 * of people. The IDs depend on the order of allocation, so generators must walk households in order.
 */
export class ResidentIdAllocator {
  private readonly counts = new Map<number, number>();

  constructor(private readonly seed: number) {}

  allocate(addressCode: string, birthDay: number, sex: 'MALE' | 'FEMALE'): string {
    const first = ALL_ADDRESS_CODES.indexOf(addressCode);
    if (first < 0) throw new RangeError(`unknown address code ${addressCode}`);
    // When a (code, date, sex) is full, fall back to the next known code (never at realistic sizes).
    for (let n = 0; n < ALL_ADDRESS_CODES.length; n++) {
      const ci = (first + n) % ALL_ADDRESS_CODES.length;
      const key = (ci * 262_144 + (birthDay + DAY_OFFSET)) * 2 + (sex === 'MALE' ? 1 : 0);
      const used = this.counts.get(key) ?? 0;
      if (used >= PER_DAY_AND_SEX) continue;
      this.counts.set(key, used + 1);
      const start = hash32(this.seed, ci, birthDay) % PER_DAY_AND_SEX;
      const sequence = ((start + used) % PER_DAY_AND_SEX) * 2;
      return makeResidentId(ALL_ADDRESS_CODES[ci], formatDay(birthDay), sequence, sex);
    }
    throw new RangeError(`no free resident ID sequence for ${formatDay(birthDay)} ${sex}`);
  }
}
