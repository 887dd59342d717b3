// `npm run bench -- settle`: settles 100k and 1M rights elections with oversubscription in-process.
// Prints `settle_100k_s` and `settle_1m_s`: seconds for the settlement (settleRights on a validated
// scenario). Also prints `settle_validate_100k_s` / `settle_validate_1m_s`: seconds to validate the
// scenario (the zod schema and cross-checks), which the `settle` command does first.
// The scenarios go through JSON text first, as they reach the command from a file; each timed step
// starts after a full garbage collection, so the bench's own garbage is not on the engine's clock.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { emit } from './emit';
import { parseScenario, type RightsScenario } from '../../shared/domain/scenario';
import { settleRights } from '../../shared/domain/settle-rights';

/** Deterministic pseudo-random numbers (mulberry32), so every run settles the same book. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rights offering in the XO shape (classes A/B/C/T, $5.00) with `count` elections, oversubscribed. */
function buildScenario(count: number, seed = 42, basis: 'requested' | 'basic' = 'requested'): unknown {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const certificates: { number: string; class: string; units: string; country: string }[] = [];
  const elections: unknown[] = [];
  const waivers: { certificate: string; code: string }[] = [];
  let basicTotal = 0;
  let oversubTotal = 0;
  const width = String(count * 2).length;
  for (let k = 0; k < count; k++) {
    const number = `RT-${String(k + 1).padStart(Math.max(6, width), '0')}`;
    const roll = r();
    const cls = roll < 0.5 ? 'A' : roll < 0.8 ? 'B' : roll < 0.95 ? 'C' : 'T';
    const units = cls === 'A' || cls === 'T' ? int(1, 5000) : cls === 'B' ? int(10, 50000) : 1;
    const firm = cls === 'A' || cls === 'T' ? units : cls === 'B' ? Math.floor(units / 10) : 0;
    certificates.push({ number, class: cls, units: String(units), country: r() < 0.02 ? 'CA' : 'US' });
    const basic = r() < 0.9 ? firm : int(0, firm);
    const over = cls !== 'T' && r() < 0.6 ? int(1, 3000) : 0;
    const shares = basic + over;
    const full = BigInt(shares) * 500n;
    const short = r() < 0.05 ? BigInt(int(0, 500)) : 0n;
    const cents = full > short ? full - short : 0n;
    const amount = `${(cents / 100n).toString()}.${(cents % 100n).toString().padStart(2, '0')}`;
    const p = r();
    const payment =
      p < 0.7 ? { method: 'check', amount, status: 'cleared' }
      : p < 0.8 ? { method: 'wire', amount, status: 'cleared' }
      : p < 0.9 ? { method: 'certified-check', amount, status: 'received' }
      : p < 0.97 ? { method: 'check', amount, status: 'received' }
      : { method: 'check', amount, status: 'returned' };
    const day = 10 + int(0, 28);
    const date = day <= 30 ? `2003-11-${String(day).padStart(2, '0')}` : `2003-12-${String(day - 30).padStart(2, '0')}`;
    const receivedAt = `${date}T${String(int(8, 18)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`;
    const signed = r() < 0.98;
    if (!signed && r() < 0.5) waivers.push({ certificate: number, code: 'UNSIGNED' });
    elections.push({ certificate: number, receivedAt, signed, basicShares: r() < 0.05 ? null : basic, oversubscriptionShares: over, payments: [payment] });
    if (cls !== 'T') {
      basicTotal += basic;
      oversubTotal += over;
    }
  }
  // Elections come in the order they were keyed: by receipt, not by certificate number.
  const byReceipt = (elections as { receivedAt: string }[]).map((e, i) => ({ e, i })).sort((a, b) => (a.e.receivedAt < b.e.receivedAt ? -1 : a.e.receivedAt > b.e.receivedAt ? 1 : a.i - b.i)).map((x) => x.e);
  return {
    format: 'offering-desk/scenario@1',
    program: {
      kind: 'rights-offering',
      timeZone: 'America/New_York',
      expiresAt: '2003-12-08T17:00',
      subscriptionPrice: '5.00',
      maxShares: basicTotal + Math.floor(oversubTotal * 0.3),
      oversubscription: { basis, requireFullBasic: true },
      classes: [
        { code: 'A', firmRightsPerUnit: '1', oversubscription: true },
        { code: 'B', firmRightsPerUnit: '0.1', oversubscription: true },
        { code: 'C', firmRightsPerUnit: '0', oversubscription: true },
        { code: 'T', firmRightsPerUnit: '1', oversubscription: false, stage: 2 },
      ],
    },
    certificates,
    elections: byReceipt,
    waivers,
  };
}

interface Timing {
  readonly validate: number;
  readonly settle: number;
  readonly prorated: boolean;
}

// A full garbage collection before each timed step, so that the garbage of building the bench's own
// data (gigabytes at 1M) is not collected on the settlement's clock.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Validates parsed JSON, timed. The raw value is unreachable once this returns. */
function timedParse(raw: unknown): { seconds: number; parsed: ReturnType<typeof parseScenario> } {
  collectGarbage();
  const t0 = performance.now();
  const parsed = parseScenario(raw);
  return { seconds: (performance.now() - t0) / 1000, parsed };
}

/** Validates a scenario as the command does: from JSON text; only the validated scenario is kept for settling. */
function validate(text: string): { seconds: number; scenario: RightsScenario } {
  const { seconds, parsed } = timedParse(JSON.parse(text));
  if (!parsed.ok) throw new Error(`bench scenario refused: ${parsed.problem.path}: ${parsed.problem.message}`);
  return { seconds, scenario: parsed.scenario as RightsScenario };
}

function settleOnce(text: string): Timing {
  const v = validate(text);
  collectGarbage();
  const t0 = performance.now();
  const result = settleRights(v.scenario);
  const settle = (performance.now() - t0) / 1000;
  const t = result.totals;
  if (t.sharesIssued > t.maxShares || result.certificates.length === 0) throw new Error('bench settlement broke an invariant');
  // Oversubscribed: every share offered is issued and the oversubscription pool was prorated.
  const prorated = t.unsubscribed === 0 && t.oversubscriptionShares > 0;
  return { validate: v.seconds, settle, prorated };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const seconds = (x: number) => Number(x.toPrecision(3));

/** 100k elections: a warm-up, then the median of three runs. The scenario is dropped afterwards. */
function bench100k(): void {
  const small = JSON.stringify(buildScenario(100_000));
  settleOnce(small);
  const runs = [settleOnce(small), settleOnce(small), settleOnce(small)];
  if (!runs.every((r) => r.prorated)) throw new Error('the 100k bench scenario is not oversubscribed');
  emit('settle_100k_s', seconds(median(runs.map((r) => r.settle))), 's', { elections: 100_000, runs: runs.length });
  emit('settle_validate_100k_s', seconds(median(runs.map((r) => r.validate))), 's', { elections: 100_000, runs: runs.length });
}

/** 1M elections: one run. */
function bench1m(): void {
  const big = JSON.stringify(buildScenario(1_000_000, 7));
  const once = settleOnce(big);
  if (!once.prorated) throw new Error('the 1M bench scenario is not oversubscribed');
  emit('settle_1m_s', seconds(once.settle), 's', { elections: 1_000_000, runs: 1 });
  emit('settle_validate_1m_s', seconds(once.validate), 's', { elections: 1_000_000, runs: 1 });
}

bench100k();
bench1m();
