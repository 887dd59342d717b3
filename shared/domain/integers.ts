/**
 * Exact integer arithmetic for share counts and integer cents held in JS numbers.
 *
 * A JS number represents every integer up to 2^53 − 1 exactly. The helpers below keep every
 * intermediate value inside that range and switch to BigInt when a product could leave it, so
 * no result is ever rounded by floating point. (A JS number is used for speed: a million
 * elections are settled in seconds. Fractional amounts never appear here: money is integer cents.)
 */

export const MAX_EXACT = Number.MAX_SAFE_INTEGER;
/** Below this, a product of two integers and a one-step quotient correction stay exact in doubles. */
const HALF = 2 ** 52;

/** floor(a × b / c) and the remainder, exactly, for safe integers a, b ≥ 0 and c > 0. */
export function mulDivMod(a: number, b: number, c: number): [quotient: number, remainder: number] {
  const p = a * b;
  if (p <= HALF && c <= HALF) {
    let q = Math.floor(p / c);
    let r = p - q * c;
    if (r < 0) {
      q -= 1;
      r += c;
    } else if (r >= c) {
      q += 1;
      r -= c;
    }
    return [q, r];
  }
  const bp = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  return [Number(bp / bc), Number(bp % bc)];
}

/** floor(a × b / c), exactly (see mulDivMod); allocates nothing on the fast path. */
export function mulDiv(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= HALF && c <= HALF) {
    const q = Math.floor(p / c);
    const r = p - q * c;
    return r < 0 ? q - 1 : r >= c ? q + 1 : q;
  }
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** (a × b) mod c, exactly (see mulDivMod); allocates nothing on the fast path. */
export function mulMod(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= HALF && c <= HALF) {
    const r = p - Math.floor(p / c) * c;
    return r < 0 ? r + c : r >= c ? r - c : r;
  }
  return Number((BigInt(a) * BigInt(b)) % BigInt(c));
}

/** a × b / c rounded half-up, exactly (a, b ≥ 0, c > 0). */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  const [q, r] = mulDivMod(a, b, c);
  return r * 2 >= c ? q + 1 : q;
}

/** Compares a × b with c × d exactly (all safe integers ≥ 0): negative, zero or positive. */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const x = a * b;
  const y = c * d;
  if (x <= MAX_EXACT && y <= MAX_EXACT) return x - y;
  const bx = BigInt(a) * BigInt(b);
  const by = BigInt(c) * BigInt(d);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

/** A running total of non-negative safe integers that cannot overflow: the excess goes to a BigInt. */
export class ExactSum {
  private small = 0;
  private big = 0n;

  add(x: number): void {
    if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`ExactSum takes whole numbers ≥ 0, got ${x}`);
    if (this.small > HALF || x > HALF) {
      this.big += BigInt(this.small) + BigInt(x);
      this.small = 0;
    } else {
      this.small += x;
    }
  }

  get total(): bigint {
    return this.big + BigInt(this.small);
  }
}
