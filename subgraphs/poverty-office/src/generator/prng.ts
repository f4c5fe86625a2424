/**
 * Seeded pseudo-random numbers for the synthetic data generator.
 *
 * Everything the generator makes comes from `Rng.derive(seed, ...keys)`: a small sfc32 generator
 * whose state is a hash of the seed and a path of integer keys (a household's index, a stream
 * number, a village and a year...). Every household therefore has its own independent streams,
 * and the same seed and size always give byte-identical data, whatever order or subset of the
 * data a caller asks for.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mix(h: number, k: number): number {
  k = Math.imul(k | 0, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds any safe integer (also above 2^32, or negative) into 32 bits. */
function fold(n: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const i = Math.trunc(n);
  const lo = i | 0;
  const hi = Math.floor(i / 4294967296) | 0;
  return (lo ^ Math.imul(hi, 0x9e3779b1)) | 0;
}

/** A 32-bit hash (murmur3 finaliser) of a list of integers. */
export function hash32(...values: number[]): number {
  let h = 0x2f0b3c1d;
  for (const v of values) h = mix(h, fold(v));
  return fmix(h ^ values.length);
}

/** A weighted choice table, built once and sampled many times. */
export class Weighted<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('empty weight table');
    this.values = entries.map(([v]) => v);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new RangeError(`negative weight ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('weights sum to zero');
    this.total = sum;
  }

  /** Maps a uniform number in [0, 1) to a value. */
  at(u: number): T {
    const x = u * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < c[mid]) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }

  /** The share of one value's weight. */
  share(value: T): number {
    const i = this.values.indexOf(value);
    if (i < 0) return 0;
    return (this.cumulative[i] - (i > 0 ? this.cumulative[i - 1] : 0)) / this.total;
  }
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator), 32-bit state words. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A generator for one path of keys under a seed. */
  static derive(seed: number, ...keys: number[]): Rng {
    const h = hash32(seed, ...keys);
    return new Rng(h, hash32(h, 0x51ed27), hash32(h, 0x2545f4), 1);
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max})`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  real(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  bool(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.float() * values.length)];
  }

  weighted<T>(table: Weighted<T>): T {
    return table.at(this.float());
  }

  /** Standard normal by Box-Muller (uses two draws). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.float();
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A string of random decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(this.float() * 10));
    return s;
  }
}
