/** Money is integer fen (分) in the database and an exact decimal yuan string in the API. */

const DECIMAL = /^(-?)([0-9]{1,13})(?:\.([0-9]{1,2}))?$/;

/** Parses '1234.5' or '1234.56' into fen; returns null for anything else (floats, 3 decimals...). */
export function parseYuan(value: string): number | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

export function formatFen(fen: number | bigint | string): string {
  const n = BigInt(fen);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
