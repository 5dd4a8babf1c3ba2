// 大写金额 of a live total while a person types the agreement's split (Rust sends the 大写 of what
// was saved: ProjectDetail.agreedDaxie). The same conventions as Rust's `Money::to_daxie`, checked
// against the same table of cases: a leading 壹拾 kept, one 零 per zero run (also across 万/亿), 整
// after 元 or 角 without 分, 元零X分 with zero 角, 负 for negatives.

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const UNITS = ["仟", "佰", "拾", ""];
const WAN = 10_000n;
const YI = 100_000_000n;

/** 1..=9999; inner zero runs become one 零, trailing zeros vanish. */
function section(n: bigint): string {
  const digits = [n / 1000n, (n / 100n) % 10n, (n / 10n) % 10n, n % 10n];
  let out = "";
  let started = false;
  let pendingZero = false;
  digits.forEach((d, i) => {
    if (d === 0n) {
      pendingZero = started;
      return;
    }
    if (pendingZero) {
      out += "零";
      pendingZero = false;
    }
    out += DIGITS[Number(d)] + UNITS[i];
    started = true;
  });
  return out;
}

function integer(n: bigint): string {
  if (n >= YI) {
    const low = n % YI;
    let out = integer(n / YI) + "亿";
    if (low > 0n) out += (low < YI / 10n ? "零" : "") + integer(low);
    return out;
  }
  if (n >= WAN) {
    const low = n % WAN;
    let out = section(n / WAN) + "万";
    if (low > 0n) out += (low < WAN / 10n ? "零" : "") + section(low);
    return out;
  }
  return section(n);
}

/** Fen → 大写, e.g. 15000000n → 壹拾伍万元整. */
export function daxie(fen: bigint): string {
  const magnitude = fen < 0n ? -fen : fen;
  const yuan = magnitude / 100n;
  const jiao = Number((magnitude / 10n) % 10n);
  const fenDigit = Number(magnitude % 10n);
  let out = fen < 0n ? "负" : "";
  if (yuan > 0n) out += integer(yuan) + "元";
  if (jiao === 0 && fenDigit === 0) return out + (yuan === 0n ? "零元" : "") + "整";
  if (jiao > 0) out += DIGITS[jiao] + "角";
  else if (yuan > 0n) out += "零";
  return out + (fenDigit > 0 ? DIGITS[fenDigit] + "分" : "整");
}
