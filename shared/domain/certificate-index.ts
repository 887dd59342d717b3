/**
 * Looks certificates up by number, fast. A book numbers its certificates with one prefix and a
 * fixed-width, zero-padded counter ("RT-000123"); then the counter itself is the key (a dense
 * array, no string hashing) — a million lookups take milliseconds instead of a second. Any other
 * numbering falls back to a hash map of the numbers. Both give the same answers.
 */

const MAX_DIGITS = 15;

/** The numeric tail of `s` after `prefixLength` characters, or -1 if it is not all digits. */
function counterOf(s: string, prefixLength: number): number {
  const n = s.length;
  if (n <= prefixLength || n - prefixLength > MAX_DIGITS) return -1;
  let v = 0;
  for (let k = prefixLength; k < n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function prefixLengthOf(s: string): number {
  let k = s.length;
  while (k > 0) {
    const c = s.charCodeAt(k - 1);
    if (c < 48 || c > 57) break;
    k -= 1;
  }
  return k;
}

export class CertificateIndex {
  private prefix = '';
  private width = -1;
  private min = 0;
  private dense: Int32Array | null = null;
  private sparse: Map<number, number> | null = null;
  private byString: Map<string, number> | null = null;
  /** The position of the first number that repeats an earlier one, and that earlier position; null if none. */
  readonly duplicate: { readonly at: number; readonly first: number } | null = null;

  constructor(numbers: readonly string[]) {
    const n = numbers.length;
    if (n === 0) {
      this.byString = new Map();
      return;
    }
    // Fixed-width numbering with one prefix?
    const first = numbers[0]!;
    const pl = prefixLengthOf(first);
    const width = first.length;
    const prefix = first.slice(0, pl);
    let fixed = pl < width && width - pl <= MAX_DIGITS;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    const counters = new Float64Array(n);
    for (let i = 0; fixed && i < n; i++) {
      const s = numbers[i]!;
      const v = s.length === width && s.startsWith(prefix) ? counterOf(s, pl) : -1;
      if (v < 0) fixed = false;
      counters[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (fixed) {
      this.prefix = prefix;
      this.width = width;
      this.min = min;
      const range = max - min + 1;
      if (range <= 4 * n + 1024) {
        const dense = new Int32Array(range).fill(-1);
        for (let i = 0; i < n; i++) {
          const slot = counters[i]! - min;
          if (dense[slot]! >= 0) {
            if (this.duplicate === null) this.duplicate = { at: i, first: dense[slot]! };
            continue;
          }
          dense[slot] = i;
        }
        this.dense = dense;
      } else {
        const sparse = new Map<number, number>();
        for (let i = 0; i < n; i++) {
          const prev = sparse.get(counters[i]!);
          if (prev !== undefined) {
            if (this.duplicate === null) this.duplicate = { at: i, first: prev };
            continue;
          }
          sparse.set(counters[i]!, i);
        }
        this.sparse = sparse;
      }
      return;
    }
    const byString = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const prev = byString.get(numbers[i]!);
      if (prev !== undefined) {
        if (this.duplicate === null) this.duplicate = { at: i, first: prev };
        continue;
      }
      byString.set(numbers[i]!, i);
    }
    this.byString = byString;
  }

  /** Position of the certificate with this number (the first, if repeated), or undefined. */
  get(number: string): number | undefined {
    if (this.byString !== null) return this.byString.get(number);
    if (number.length !== this.width || !number.startsWith(this.prefix)) return undefined;
    const v = counterOf(number, this.prefix.length);
    if (v < 0) return undefined;
    // Same prefix, same width, same counter: the very same number (the counter is zero-padded to the width).
    const i = this.dense !== null ? this.dense[v - this.min] : this.sparse!.get(v);
    return i === undefined || i < 0 ? undefined : i;
  }
}
