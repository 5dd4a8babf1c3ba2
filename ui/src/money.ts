// Money on the window side is always a string: Rust sends canonical yuan ("150000.00") and receives
// whatever the person typed ("15万", "150,000.00"). These helpers only format, add and compare
// such strings, exactly, through integer fen in BigInt; there is no float of money anywhere. Rust
// stays the authority: what a person types is read only by Rust (`moneyPreview`, useMoneyPreview).

const CANONICAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "150000.00" → "150,000.00": thousands separators inserted on the string itself. */
export function formatYuan(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s.trim());
  if (!m) return s;
  const [, sign, int, frac = ""] = m;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}.${frac.padEnd(2, "0")}`;
}

/** Canonical yuan ("-1234.5", "150000.00", with or without separators) → fen, or null. */
export function toFen(s: string): bigint | null {
  const m = CANONICAL.exec(s.trim().replace(/,(?=\d{3}(\D|$))/g, ""));
  if (!m) return null;
  const [, sign, int, frac = ""] = m;
  const fen = BigInt(int) * 100n + BigInt(frac.padEnd(2, "0"));
  return sign === "-" ? -fen : fen;
}

/** Fen → canonical yuan, as Rust writes it ("150000.00"). */
export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Exact sum of canonical yuan strings; null if any of them is not one. */
export function addYuan(...amounts: string[]): string | null {
  let sum = 0n;
  for (const a of amounts) {
    const fen = toFen(a);
    if (fen === null) return null;
    sum += fen;
  }
  return fenToYuan(sum);
}

/** a − b on canonical yuan strings; null if either is not one. */
export function subtractYuan(a: string, b: string): string | null {
  const x = toFen(a);
  const y = toFen(b);
  return x === null || y === null ? null : fenToYuan(x - y);
}

/**
 * Whole percent of `part` in `whole`, for progress bars: computed on integer fen, rounded down so
 * that 100 means "all of it" and never "nearly all", clamped to 0–100. A zero or unreadable whole
 * gives 0.
 */
export function percentOf(part: string, whole: string): number {
  const p = toFen(part);
  const w = toFen(whole);
  if (p === null || w === null || w <= 0n || p <= 0n) return 0;
  const pct = (p * 100n) / w;
  return pct > 100n ? 100 : Number(pct);
}
