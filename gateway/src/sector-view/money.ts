/** Money travels as "1234.56" yuan; sums and differences are done in integer fen. */
export function toFen(yuan: string): number {
  const negative = yuan.startsWith('-');
  const [whole, frac = ''] = yuan.replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  return negative ? -fen : fen;
}

export function toYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
