import { types } from 'pg';

// DATE stays a 'YYYY-MM-DD' string (no time-zone shifts); bigint (fen, counts) becomes a number,
// which is exact below 2^53 fen (90 trillion yuan).
types.setTypeParser(1082, (value) => value);
types.setTypeParser(20, (value) => Number(value));
