import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareProducts, mulDivMod } from './integers';
import { prorate, prorateBig, type ProrationInput } from './proration';

const byIndex = (a: number, b: number) => a - b;

/**
 * Reference: the contract's words executed literally, round by round, with BigInt fractions.
 * Each round: every claim whose exact share reaches what it asked is filled; if any were, the
 * rest are re-prorated from scratch with what is left; otherwise floors, then leftover shares
 * by largest remainder, ties by the tie-break.
 */
function referenceRounds(input: ProrationInput): number[] {
  const n = input.caps.length;
  const out = new Array<number>(n).fill(0);
  const caps = Array.from(input.caps, BigInt);
  const w = Array.from(input.weights, BigInt);
  if (caps.reduce((s, c) => s + c, 0n) <= BigInt(input.pool)) return Array.from(input.caps);
  let active = [...Array(n).keys()].filter((i) => caps[i]! > 0n && w[i]! > 0n);
  let R = BigInt(input.pool);
  for (;;) {
    const W = active.reduce((s, i) => s + w[i]!, 0n);
    if (W === 0n || R === 0n || active.length === 0) break;
    const full = active.filter((i) => R * w[i]! >= caps[i]! * W);
    if (full.length > 0) {
      for (const i of full) {
        out[i] = Number(caps[i]!);
        R -= caps[i]!;
      }
      active = active.filter((i) => !full.includes(i));
      continue;
    }
    const rem = new Map<number, bigint>();
    let given = 0n;
    for (const i of active) {
      out[i] = Number((R * w[i]!) / W);
      rem.set(i, (R * w[i]!) % W);
      given += (R * w[i]!) / W;
    }
    const ranked = [...active].sort((a, b) => {
      const ra = rem.get(a)!;
      const rb = rem.get(b)!;
      return ra > rb ? -1 : ra < rb ? 1 : input.tieBreak(a, b);
    });
    for (let k = 0; k < Number(R - given); k++) out[ranked[k]!]! += 1;
    break;
  }
  return out;
}

const claims = (maxCap: number, maxLen: number) =>
  fc.array(fc.record({ cap: fc.integer({ min: 0, max: maxCap }), weight: fc.integer({ min: 0, max: maxCap }) }), { maxLength: maxLen });

const toInput = (pool: number, cs: readonly { cap: number; weight: number }[]): ProrationInput => ({
  pool,
  caps: cs.map((c) => c.cap),
  weights: cs.map((c) => c.weight),
  tieBreak: byIndex,
});

describe('exact integer helpers', () => {
  it('mulDivMod is exact beyond 2^53 (pool × weight at a million elections)', () => {
    expect(mulDivMod(43_333_333, 250_000_000, 7)).toEqual([
      Number((43_333_333n * 250_000_000n) / 7n),
      Number((43_333_333n * 250_000_000n) % 7n),
    ]);
    expect(mulDivMod(10, 3, 4)).toEqual([7, 2]);
    expect(compareProducts(2 ** 40, 2 ** 20, 2 ** 30, 2 ** 30)).toBe(0);
    expect(compareProducts(2 ** 40 + 1, 2 ** 20, 2 ** 30, 2 ** 30)).toBeGreaterThan(0);
  });
});

describe('step 4 oversubscription proration', () => {
  it('if the requests fit, all are filled', () => {
    const r = prorate(toInput(100, [{ cap: 30, weight: 30 }, { cap: 70, weight: 70 }]));
    expect(Array.from(r.allocations)).toEqual([30, 70]);
    expect(r.allFilled).toBe(true);
  });

  it('pro rata to requests: floor(pool × request / total), leftover by largest remainder', () => {
    // pool 10 among 3, 3, 3 requested… no: 10 among requests 6, 6, 6 ⇒ 3.33 each; 1 left over.
    const r = prorate(toInput(10, [{ cap: 6, weight: 6 }, { cap: 6, weight: 6 }, { cap: 6, weight: 6 }]));
    expect(Array.from(r.allocations)).toEqual([4, 3, 3]); // equal remainders: first by tie-break
    expect(r.leftover).toBe(1);
  });

  it('leftover goes by largest fractional remainder before the tie-break', () => {
    // pool 7 among requests 5 and 9 (total 14): exact 2.5 and 4.5 ⇒ floors 2 and 4, one left, equal remainders.
    expect(Array.from(prorate(toInput(7, [{ cap: 5, weight: 5 }, { cap: 9, weight: 9 }])).allocations)).toEqual([3, 4]);
    // pool 10 among 3, 7, 11 (total 21): exact 1.43, 3.33, 5.24 ⇒ 1, 3, 5 and one left: remainder 0.43 wins.
    expect(Array.from(prorate(toInput(10, [{ cap: 3, weight: 3 }, { cap: 7, weight: 7 }, { cap: 11, weight: 11 }])).allocations)).toEqual([2, 3, 5]);
  });

  it('ties on remainder go to the earlier claim by the tie-break (receipt, then certificate number)', () => {
    const input = { ...toInput(10, [{ cap: 6, weight: 6 }, { cap: 6, weight: 6 }, { cap: 6, weight: 6 }]), tieBreak: (a: number, b: number) => b - a };
    expect(Array.from(prorate(input).allocations)).toEqual([3, 3, 4]);
  });

  it('basis basic: nobody gets more than requested; the surplus of the capped is re-prorated', () => {
    // pool 100; weights (basic shares) 50, 30, 20; requests 10, 200, 200.
    // Round 1: exact shares 50, 30, 20 ⇒ the first is capped at 10. Round 2: 90 among weights 30, 20 ⇒ 54, 36.
    const r = prorate(toInput(100, [{ cap: 10, weight: 50 }, { cap: 200, weight: 30 }, { cap: 200, weight: 20 }]));
    expect(Array.from(r.allocations)).toEqual([10, 54, 36]);
    expect(r.capped).toBe(1);
  });

  it('re-proration can cap a claim that was not capped in the first round', () => {
    // pool 100; weights 50, 40, 10; requests 5, 45, 1000. Round 1 caps the first (5 ≤ 50).
    // Round 2: 95 among 40, 10 ⇒ 76, 19: the second is capped at 45. Round 3: 50 to the third.
    const r = prorate(toInput(100, [{ cap: 5, weight: 50 }, { cap: 45, weight: 40 }, { cap: 1000, weight: 10 }]));
    expect(Array.from(r.allocations)).toEqual([5, 45, 50]);
    expect(r.capped).toBe(2);
  });

  it('a claim with weight 0 receives nothing (basis basic, no basic shares)', () => {
    const r = prorate(toInput(10, [{ cap: 100, weight: 0 }, { cap: 100, weight: 5 }]));
    expect(Array.from(r.allocations)).toEqual([0, 10]);
  });

  it('public 2015 example: 1,214,644 shares for 6,035,518 requested ⇒ each ≈ 20.125%, the pool exactly', () => {
    const offered = 2_224_020;
    const basic = 1_009_376;
    const pool = offered - basic;
    expect(pool).toBe(1_214_644);
    // 1,000 oversubscribers with deterministic requests adding up to exactly 6,035,518.
    const requests: number[] = [];
    let seed = 2015;
    for (let i = 0; i < 999; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      requests.push(1000 + (seed % 9000));
    }
    const soFar = requests.reduce((s, x) => s + x, 0);
    requests.push(6_035_518 - soFar);
    expect(requests.at(-1)!).toBeGreaterThan(0);
    const total = requests.reduce((s, x) => s + x, 0);
    expect(total).toBe(6_035_518);
    const r = prorate({ pool, caps: requests, weights: requests, tieBreak: byIndex });
    const allocated = Array.from(r.allocations);
    expect(allocated.reduce((s, x) => s + x, 0)).toBe(pool);
    for (let i = 0; i < requests.length; i++) {
      const floor = Math.floor((requests[i]! * pool) / total); // exact: the product is far below 2^53
      expect(allocated[i]! - floor).toBeGreaterThanOrEqual(0);
      expect(allocated[i]! - floor).toBeLessThanOrEqual(1);
    }
    const ratio = pool / total;
    expect(ratio).toBeCloseTo(0.20125, 5);
    const biggest = requests.indexOf(Math.max(...requests));
    expect(allocated[biggest]! / requests[biggest]!).toBeCloseTo(0.20125, 3);
  });

  it('property: matches the round-by-round reference exactly (5,000 runs)', () => {
    const seen = { prorated: 0, capped: 0, leftover: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), claims(200, 25), (pool, cs) => {
        const input = toInput(pool, cs);
        const r = prorate(input);
        expect(Array.from(r.allocations)).toEqual(referenceRounds(input));
        if (!r.allFilled) seen.prorated += 1;
        if (!r.allFilled && r.capped > 0) seen.capped += 1;
        if (r.leftover > 0) seen.leftover += 1;
      }),
      { numRuns: 5000 },
    );
    // Not vacuous: proration, capping with re-proration, and leftover shares all occur.
    expect(seen.prorated).toBeGreaterThan(1000);
    expect(seen.capped).toBeGreaterThan(300);
    expect(seen.leftover).toBeGreaterThan(300);
  });

  it('property: the BigInt path equals the fast path (2,000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), claims(5_000, 40), (pool, cs) => {
        const input = toInput(pool, cs);
        expect(Array.from(prorateBig(input).allocations)).toEqual(Array.from(prorate(input).allocations));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: whole shares, never above the cap, never above the pool; the pool is used when every claimant has weight (5,000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), claims(20_000, 60), (pool, cs) => {
        const r = prorate(toInput(pool, cs));
        const a = Array.from(r.allocations);
        let sum = 0;
        a.forEach((x, i) => {
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(cs[i]!.cap);
          sum += x;
        });
        expect(sum).toBeLessThanOrEqual(pool);
        const totalCap = cs.reduce((s, c) => s + c.cap, 0);
        if (cs.every((c) => c.cap === 0 || c.weight > 0)) expect(sum).toBe(Math.min(pool, totalCap));
      }),
      { numRuns: 5000 },
    );
  });

  it('property: requested basis gives each claimant within one share of floor(pool × request / total) (3,000 runs)', () => {
    let prorated = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 50 }), (pool, reqs) => {
        const total = reqs.reduce((s, x) => s + x, 0);
        fc.pre(total > pool);
        const a = Array.from(prorate({ pool, caps: reqs, weights: reqs, tieBreak: byIndex }).allocations);
        expect(a.reduce((s, x) => s + x, 0)).toBe(pool);
        reqs.forEach((q, i) => {
          const f = Math.floor((q * pool) / total);
          expect(a[i]! === f || a[i]! === f + 1).toBe(true);
        });
        prorated += 1;
      }),
      { numRuns: 3000 },
    );
    expect(prorated).toBe(3000);
  });

  it('property: proration is deterministic and does not depend on the order of the claims (3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000 }),
        fc.array(fc.record({ cap: fc.integer({ min: 0, max: 300 }), weight: fc.integer({ min: 0, max: 300 }), id: fc.integer() }), { maxLength: 30 }),
        fc.infiniteStream(fc.integer()),
        (pool, raw, stream) => {
          // Unique ids stand for (receipt time, certificate number).
          const cs = raw.map((c, i) => ({ ...c, id: c.id * 1000 + i }));
          const run = (list: typeof cs) => {
            const r = prorate({ pool, caps: list.map((c) => c.cap), weights: list.map((c) => c.weight), tieBreak: (a, b) => list[a]!.id - list[b]!.id });
            return new Map(list.map((c, i) => [c.id, r.allocations[i]!]));
          };
          const keys = [...stream.take(cs.length)];
          const shuffled = cs.map((c, i) => ({ c, k: keys[i]! })).sort((x, y) => x.k - y.k).map((x) => x.c);
          const first = run(cs);
          expect(run(cs)).toEqual(first);
          expect(run(shuffled)).toEqual(first);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
