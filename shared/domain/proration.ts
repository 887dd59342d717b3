/**
 * Pro-rata allocation of a pool of whole shares among claims, with caps (shares/contracts/SETTLE.md
 * step 4): each claim gets floor(pool × weight / total weight), never more than its cap; the surplus
 * of those capped is re-prorated among the rest until the pool is used or everyone is filled; the
 * whole shares left over go one each by largest fractional remainder, ties to the claim that comes
 * first by the caller's order (earlier receipt, then lower certificate number).
 *
 * All arithmetic is on integers: products that could pass 2^53 (pool × weight at a million
 * claims) go through BigInt. No floating point decides anything.
 */

import { compareProducts, mulDiv, mulMod } from './integers';

/** Sums up to this stay exact in doubles through every step below. */
const HALF_SAFE = 2 ** 52;

export interface ProrationInput {
  /** Whole shares to allocate (≥ 0). */
  readonly pool: number;
  /** Most shares each claim may receive (its request), whole, ≥ 0. */
  readonly caps: ArrayLike<number>;
  /** Proration weight of each claim (its request, its basic shares or its firm rights), whole, ≥ 0. */
  readonly weights: ArrayLike<number>;
  /**
   * Orders two claims with equal fractional remainders: negative when claim `a` comes first.
   * Must be a strict total order over distinct claims (e.g. earlier receipt, then lower certificate number).
   */
  readonly tieBreak: (a: number, b: number) => number;
}

export interface ProrationResult {
  /** Shares allocated to each claim, aligned with the input. */
  readonly allocations: Float64Array;
  /** Claims filled to their cap. */
  readonly capped: number;
  /** Shares handed out one by one by largest remainder. */
  readonly leftover: number;
  /** True when every claim fit without proration. */
  readonly allFilled: boolean;
}

function assertWhole(x: number, what: string): void {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${what} must be a whole number ≥ 0 (a safe integer), got ${x}`);
}

function sumBig(values: ArrayLike<number>): bigint {
  let b = 0n;
  for (let i = 0; i < values.length; i++) b += BigInt(values[i]!);
  return b;
}

function sumNumber(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

function validate(input: ProrationInput): void {
  const { pool, caps, weights } = input;
  if (weights.length !== caps.length) throw new RangeError('caps and weights must have the same length');
  assertWhole(pool, 'pool');
  for (let i = 0; i < caps.length; i++) {
    assertWhole(caps[i]!, `caps[${i}]`);
    assertWhole(weights[i]!, `weights[${i}]`);
  }
}

/**
 * Allocates `pool` whole shares among the claims. Deterministic and independent of the order of
 * the claims (given a tie-break that depends only on the claims themselves).
 */
export function prorate(input: ProrationInput): ProrationResult {
  validate(input);
  // Sums of at most 2^52 keep every intermediate exact in doubles (see mulDivMod); beyond, BigInt.
  const totalCap = sumNumber(input.caps);
  const totalWeight = sumNumber(input.weights);
  if (totalCap <= HALF_SAFE && totalWeight <= HALF_SAFE) return prorateFast(input, totalCap);
  return prorateBig(input);
}

function fillAll(caps: ArrayLike<number>): ProrationResult {
  const allocations = new Float64Array(caps.length);
  for (let i = 0; i < caps.length; i++) allocations[i] = caps[i]!;
  return { allocations, capped: caps.length, leftover: 0, allFilled: true };
}

function prorateFast(input: ProrationInput, totalCap: number): ProrationResult {
  const { pool, caps, weights, tieBreak } = input;
  const n = caps.length;
  if (totalCap <= pool) return fillAll(caps);
  const allocations = new Float64Array(n);

  // Claims that take part: something asked and some weight. A claim of weight 0 has no share.
  const activeList: number[] = [];
  for (let i = 0; i < n; i++) if (caps[i]! > 0 && weights[i]! > 0) activeList.push(i);
  let active: ArrayLike<number> = activeList;
  let remaining = pool;
  let totalWeight = 0;
  for (const i of activeList) totalWeight += weights[i]!;

  // Cap-and-redistribute. A claim is capped when its exact share R·w/W reaches its cap, i.e.
  // when cap/w ≤ R/W. Capping one such claim never lowers R/W (a mediant argument), so taking
  // the claims in increasing cap/weight order caps exactly the set the round-by-round
  // re-proration would cap.
  let capped = 0;
  if (activeList.length > 0) {
    // Quick test: if the claim with the smallest cap/weight is not capped, none is.
    let min = activeList[0]!;
    for (let k = 1; k < activeList.length; k++) {
      const i = activeList[k]!;
      if (compareProducts(caps[i]!, weights[min]!, caps[min]!, weights[i]!) < 0) min = i;
    }
    if (compareProducts(caps[min]!, totalWeight, remaining, weights[min]!) <= 0) {
      const order = activeList.slice();
      order.sort((a, b) => compareProducts(caps[a]!, weights[b]!, caps[b]!, weights[a]!) || tieBreak(a, b));
      let k = 0;
      while (k < order.length && totalWeight > 0) {
        const i = order[k]!;
        if (compareProducts(caps[i]!, totalWeight, remaining, weights[i]!) > 0) break;
        allocations[i] = caps[i]!;
        remaining -= caps[i]!;
        totalWeight -= weights[i]!;
        capped += 1;
        k += 1;
      }
      active = order.slice(k);
    }
  }

  // The rest share what remains in proportion to weight: floors first ...
  let leftover = 0;
  const m = active.length;
  if (m > 0 && remaining > 0 && totalWeight > 0) {
    const remainders = new Float64Array(m);
    let given = 0;
    for (let k = 0; k < m; k++) {
      const i = active[k]!;
      const q = mulDiv(remaining, weights[i]!, totalWeight);
      allocations[i] = q;
      remainders[k] = mulMod(remaining, weights[i]!, totalWeight);
      given += q;
    }
    // ... then the leftover shares one each by largest fractional remainder (all remainders share
    // the denominator totalWeight, so they compare directly), ties by the caller's order.
    leftover = remaining - given;
    if (leftover > 0) {
      for (const k of largestRemainders(remainders, leftover, (a, b) => tieBreak(active[a]!, active[b]!))) {
        const i = active[k]!;
        allocations[i] = allocations[i]! + 1;
      }
    }
  }
  return { allocations, capped, leftover, allFilled: false };
}

/**
 * The positions of the `count` largest remainders (all > 0), ties by `tieBreak`. Finds the
 * threshold with a native numeric sort, then orders only the claims tied at the threshold.
 */
function largestRemainders(remainders: Float64Array, count: number, tieBreak: (a: number, b: number) => number): number[] {
  const sorted = Float64Array.from(remainders).sort();
  const threshold = sorted[sorted.length - count]!;
  if (!(threshold > 0)) throw new Error('proration invariant broken: more leftover shares than fractional claims');
  const chosen: number[] = [];
  const tied: number[] = [];
  for (let k = 0; k < remainders.length; k++) {
    const r = remainders[k]!;
    if (r > threshold) chosen.push(k);
    else if (r === threshold) tied.push(k);
  }
  tied.sort(tieBreak);
  for (let t = 0; chosen.length < count; t++) chosen.push(tied[t]!);
  return chosen;
}

/** The same allocation with every quantity a BigInt: for totals beyond 2^52, and as a cross-check. */
export function prorateBig(input: ProrationInput): ProrationResult {
  validate(input);
  const { caps, weights, tieBreak } = input;
  const n = caps.length;
  const pool = BigInt(input.pool);
  if (sumBig(caps) <= pool) return fillAll(caps);
  const allocations = new Float64Array(n);
  const c: bigint[] = Array.from({ length: n }, (_, i) => BigInt(caps[i]!));
  const w: bigint[] = Array.from({ length: n }, (_, i) => BigInt(weights[i]!));
  let order: number[] = [];
  for (let i = 0; i < n; i++) if (c[i]! > 0n && w[i]! > 0n) order.push(i);
  let remaining = pool;
  let totalWeight = order.reduce((s, i) => s + w[i]!, 0n);
  order.sort((a, b) => {
    const x = c[a]! * w[b]!;
    const y = c[b]! * w[a]!;
    return x < y ? -1 : x > y ? 1 : tieBreak(a, b);
  });
  let capped = 0;
  let k = 0;
  while (k < order.length && totalWeight > 0n) {
    const i = order[k]!;
    if (c[i]! * totalWeight > remaining * w[i]!) break;
    allocations[i] = caps[i]!;
    remaining -= c[i]!;
    totalWeight -= w[i]!;
    capped += 1;
    k += 1;
  }
  order = order.slice(k);
  let leftover = 0;
  if (order.length > 0 && remaining > 0n && totalWeight > 0n) {
    const rem: bigint[] = [];
    let given = 0n;
    for (const i of order) {
      const p = remaining * w[i]!;
      const q = p / totalWeight;
      allocations[i] = Number(q);
      rem.push(p % totalWeight);
      given += q;
    }
    leftover = Number(remaining - given);
    const ks = order.map((_, j) => j).filter((j) => rem[j]! > 0n);
    ks.sort((a, b) => (rem[b]! > rem[a]! ? 1 : rem[b]! < rem[a]! ? -1 : tieBreak(order[a]!, order[b]!)));
    for (let j = 0; j < leftover; j++) {
      const i = order[ks[j]!]!;
      allocations[i] = allocations[i]! + 1;
    }
  }
  return { allocations, capped, leftover, allFilled: false };
}
