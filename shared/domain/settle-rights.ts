/**
 * Settlement of a rights offering (shared/contracts/SETTLE.md, steps 1–6): deficiencies and
 * waivers, §4b deemed exercise, stage 1 basic, oversubscription proration, stage 2, money.
 *
 * Decisions where the contract is silent (a rights agent's reading):
 * - `deficiencies` lists every deficiency found (contract codes only, in the contract's order);
 *   `waived` lists those of them the company waived. Unwaived = deficiencies − waived.
 * - `oversubscriptionRequested` is the number written on the form; what takes part in the
 *   proration is that number cut to what the good funds left after the basic shares pay for,
 *   and nothing when the oversubscription part is void.
 * - Weight 0 (basis `basic`, a holder with no basic shares, e.g. class C) means no share of the
 *   pool: the basis gives such a holder no claim.
 * - Stage-2 certificates report their stage-2 fill as `basicShares`; totals count them only in
 *   `stage2Shares`. If a stage-2 class allows oversubscription (or the code is waived), that
 *   request is filled from what stage 2 left, prorated on the program's basis.
 * - `pendingFunds` = received but not yet good (uncleared check, uncollected wire); a returned
 *   check is neither pending nor refunded (it went back unpaid).
 * - Rejected and LATE elections: all good funds are refunded; pending funds stay pending.
 * - A waived NO_GOOD_FUNDS accepts the election but exercises nothing (never more than good
 *   funds cover); a LATE waiver is ignored (never waivable).
 * - A price with fractions of a cent: applied = shares × price rounded half-up to the cent, which
 *   never exceeds the good funds that paid for those shares.
 * - "Lower certificate number" is the order a clerk reads: digit runs compare as numbers
 *   ("RT-9" before "RT-10"); rows are listed in that order too.
 * - Stage 1 is every class without `stage: 2`.
 */
import { assessElection, decideMask, newAssessment, type ElectionContext, type ElectionFacts } from './election';
import { summarizeFundsInto } from './funds';
import { ExactSum } from './integers';
import { formatCents, MoneyError } from './money';
import { costCents, sharePrice } from './price';
import { prorate } from './proration';
import { compareCertificateNumbers, FirmRightsRate } from './rights';
import { DEFICIENCY_BIT, maskOf, SETTLE_DEFICIENCY_CODES, type SettleDeficiencyCode } from './deficiencies';
import { SETTLEMENT_FORMAT, ScenarioError, type RightsScenario } from './scenario';
import { WallClock } from './time';
import { CertificateIndex } from './certificate-index';

export type CertificateStatus = 'accepted' | 'rejected' | 'none';

export interface CertificateSettlement {
  readonly number: string;
  readonly status: CertificateStatus;
  readonly deficiencies: readonly SettleDeficiencyCode[];
  readonly waived: readonly SettleDeficiencyCode[];
  readonly firmRights: number;
  readonly basicShares: number;
  readonly oversubscriptionRequested: number;
  readonly oversubscriptionShares: number;
  readonly shares: number;
  readonly goodFunds: string;
  readonly pendingFunds: string;
  readonly applied: string;
  readonly refund: string;
}

export interface RightsTotals {
  readonly maxShares: number;
  readonly basicShares: number;
  readonly oversubscriptionShares: number;
  readonly stage2Shares: number;
  readonly sharesIssued: number;
  readonly unsubscribed: number;
  readonly goodFunds: string;
  readonly applied: string;
  readonly refunds: string;
}

const NONE: readonly SettleDeficiencyCode[] = Object.freeze([]);

export interface RightsSettlement {
  readonly format: typeof SETTLEMENT_FORMAT;
  readonly certificates: readonly CertificateSettlement[];
  readonly totals: RightsTotals;
}

// The contract's five codes as a 5-bit index (LATE = 1, UNSIGNED = 2, …), and every combination
// as one frozen list, so rows share their code lists instead of building a million of them.
const SETTLE_BITS = SETTLE_DEFICIENCY_CODES.map((c) => DEFICIENCY_BIT[c]);
const CODE_LISTS: readonly (readonly SettleDeficiencyCode[])[] = Array.from({ length: 1 << SETTLE_DEFICIENCY_CODES.length }, (_, index) =>
  Object.freeze(SETTLE_DEFICIENCY_CODES.filter((_, k) => (index & (1 << k)) !== 0)),
);

/** The contract codes of a catalog mask, as an index into CODE_LISTS. */
function settleIndex(mask: number): number {
  let index = 0;
  for (let k = 0; k < SETTLE_BITS.length; k++) if ((mask & SETTLE_BITS[k]!) !== 0) index |= 1 << k;
  return index;
}

function fail(path: string, message: string): never {
  throw new ScenarioError({ path, message });
}

function guard<T>(path: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    return fail(path, error instanceof Error ? error.message : String(error));
  }
}

/** Σ of whole shares (each a safe integer, the sum bounded by maxShares when allocated). */
function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

// Per-certificate facts, `CS` numbers each: firm rights, flags, the index of its election (-1: none).
const CS = 3;
const C_FIRM = 0;
const C_FLAGS = 1; // bit 0: stage 2; bit 1: the class carries the oversubscription privilege
const C_ELECTION = 2;
// Per-election results, `ES` numbers each, side by side so one election's row is one or two cache
// lines (a million elections joined to a million certificates is memory-bound, not arithmetic-bound).
const ES = 10;
const E_CERT = 0;
const E_RECEIVED = 1;
const E_ACCEPTED = 2;
const E_CODES = 3; // deficiency bits | waived bits << 8
const E_BASIC_REQUEST = 4;
const E_OVERSUB_REQUEST = 5;
const E_OVERSUB_WRITTEN = 6;
const E_GOOD = 7; // integer cents
const E_PENDING = 8; // integer cents
const E_STAGE2 = 9;

/**
 * Settles a validated rights-offering scenario (see `parseScenario`). Pure and deterministic:
 * the result depends only on the scenario's content, not on the order of its lists.
 */
export function settleRights(scenario: RightsScenario): RightsSettlement {
  const program = scenario.program;
  // Validated by parseScenario; checked again so a caller that skipped it still gets a named field.
  const price = guard('program.subscriptionPrice', () => sharePrice(program.subscriptionPrice));
  const clock = guard('program.timeZone', () => new WallClock(program.timeZone));
  const expiresAt = clock.tryInstant(program.expiresAt) ?? fail('program.expiresAt', `not a time in ${program.timeZone}: "${program.expiresAt}"`);
  const maxShares = program.maxShares;
  const basis = program.oversubscription.basis;
  const requireFullBasic = program.oversubscription.requireFullBasic;

  const classes = new Map(program.classes.map((c) => [c.code, { rate: new FirmRightsRate(c.firmRightsPerUnit), flags: (c.stage === 2 ? 1 : 0) | (c.oversubscription ? 2 : 0) }]));

  // Certificates, and their order by number (output order and the last tie-break).
  const certs = scenario.certificates;
  const n = certs.length;
  const index = new CertificateIndex(certs.map((c) => c.number));
  if (index.duplicate !== null) fail(`certificates[${index.duplicate.at}].number`, `duplicate certificate number "${certs[index.duplicate.at]!.number}"`);
  const C = new Float64Array(n * CS);
  for (let i = 0; i < n; i++) {
    const c = certs[i]!;
    const cls = classes.get(c.class) ?? fail(`certificates[${i}].class`, `unknown class "${c.class}"`);
    try {
      C[i * CS + C_FIRM] = cls.rate.of(c.units);
    } catch (error) {
      fail(`certificates[${i}].units`, error instanceof MoneyError ? error.message : String(error));
    }
    C[i * CS + C_FLAGS] = cls.flags;
    C[i * CS + C_ELECTION] = -1;
  }
  const byNumber = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareCertificateNumbers(certs[a]!.number, certs[b]!.number));
  const rank = new Float64Array(n);
  for (let k = 0; k < n; k++) rank[byNumber[k]!] = k;

  // The company's waivers, per certificate, as a mask of codes.
  const waivers = new Map<string, number>();
  for (const w of scenario.waivers) waivers.set(w.certificate, (waivers.get(w.certificate) ?? 0) | maskOf([w.code]));

  // Step 1–2: deficiencies, decision, deemed exercise — per election, in the order given. One
  // facts/context/result object is reused for every election: nothing is allocated per election.
  const elections = scenario.elections;
  const m = elections.length;
  const E = new Float64Array(m * ES);
  type Writable<T> = { -readonly [K in keyof T]: T[K] };
  const facts: Writable<ElectionFacts> = { receivedAt: 0, expiresAt, signed: true, basicShares: null, oversubscriptionShares: 0, goodFunds: 0, anyReturned: false };
  const ctx: Writable<ElectionContext> = { price, firmRights: 0, classAllowsOversubscription: true, requireFullBasic };
  const funds = { good: 0, pending: 0, returned: 0, anyReturned: false };
  const assessment = newAssessment();
  for (let j = 0; j < m; j++) {
    const e = elections[j]!;
    const i = index.get(e.certificate) ?? fail(`elections[${j}].certificate`, `unknown certificate "${e.certificate}"`);
    if (C[i * CS + C_ELECTION]! >= 0) fail(`elections[${j}].certificate`, `certificate "${e.certificate}" already has an election`);
    C[i * CS + C_ELECTION] = j;
    const at = clock.tryInstant(e.receivedAt) ?? fail(`elections[${j}].receivedAt`, `not a time in ${program.timeZone}: "${e.receivedAt}"`);
    try {
      summarizeFundsInto(funds, e.payments);
    } catch (error) {
      fail(`elections[${j}].payments`, error instanceof Error ? error.message : String(error));
    }
    const flags = C[i * CS + C_FLAGS]!;
    facts.receivedAt = at;
    facts.signed = e.signed;
    facts.basicShares = e.basicShares;
    facts.oversubscriptionShares = e.oversubscriptionShares;
    facts.goodFunds = funds.good;
    facts.anyReturned = funds.anyReturned;
    ctx.firmRights = C[i * CS + C_FIRM]!;
    ctx.classAllowsOversubscription = (flags & 2) !== 0;
    assessElection(assessment, facts, ctx);
    const found = assessment.deficiencyMask;
    const decision = decideMask(found, found === 0 ? 0 : (waivers.get(e.certificate) ?? 0));
    const o = j * ES;
    E[o + E_CERT] = i;
    E[o + E_RECEIVED] = at;
    E[o + E_CODES] = found === 0 ? 0 : settleIndex(found) | (settleIndex(decision.waivedMask) << 8);
    E[o + E_OVERSUB_WRITTEN] = e.oversubscriptionShares;
    E[o + E_GOOD] = funds.good;
    E[o + E_PENDING] = funds.pending;
    E[o + E_STAGE2] = flags & 1;
    if (!decision.rejected) {
      E[o + E_ACCEPTED] = 1;
      E[o + E_BASIC_REQUEST] = assessment.basicShares;
      E[o + E_OVERSUB_REQUEST] = decision.oversubscriptionVoid ? 0 : assessment.oversubscriptionPaid;
    }
  }

  // Ties on a fractional remainder: earlier receipt, then lower certificate number.
  const tieBreakOf = (electionOf: ArrayLike<number>) => (a: number, b: number) => {
    const x = electionOf[a]! * ES;
    const y = electionOf[b]! * ES;
    return E[x + E_RECEIVED]! - E[y + E_RECEIVED]! || rank[E[x + E_CERT]!]! - rank[E[y + E_CERT]!]!;
  };

  /** Fills the claims of the given elections from `pool` into `into` (by election); returns the shares given. */
  const allocate = (into: Float64Array, pool: number, electionOf: readonly number[], caps: readonly number[], weights: readonly number[]): number => {
    const r = prorate({ pool, caps, weights, tieBreak: tieBreakOf(electionOf) });
    let given = 0;
    for (let k = 0; k < electionOf.length; k++) {
      into[electionOf[k]!] = r.allocations[k]!;
      given += r.allocations[k]!;
    }
    return given;
  };

  /** Claims of accepted elections of one stage with something asked in `field`. */
  const claims = (stage2: 0 | 1, field: number) => {
    const electionOf: number[] = [];
    const caps: number[] = [];
    for (let j = 0; j < m; j++) {
      const o = j * ES;
      if (E[o + E_ACCEPTED] === 1 && E[o + E_STAGE2] === stage2 && E[o + field]! > 0) {
        electionOf.push(j);
        caps.push(E[o + field]!);
      }
    }
    return { electionOf, caps };
  };

  const basicShares = new Float64Array(m);
  const oversubShares = new Float64Array(m);

  // Step 3: stage-1 basic shares, in full unless they exceed maxShares (then prorated on basic).
  {
    const c = claims(0, E_BASIC_REQUEST);
    allocate(basicShares, maxShares, c.electionOf, c.caps, c.caps);
  }
  const stage1Basic = sum(basicShares);

  // Step 4: oversubscription from the pool left by stage-1 basic shares.
  {
    const c = claims(0, E_OVERSUB_REQUEST);
    const weights = basis === 'requested' ? c.caps : c.electionOf.map((j) => basicShares[j]!);
    allocate(oversubShares, Math.max(0, maxShares - stage1Basic), c.electionOf, c.caps, weights);
  }
  const stage1Oversub = sum(oversubShares);

  // Step 5: stage 2 fills up to firm rights from what stage 1 left, prorated by firm rights; an
  // oversubscription of a stage-2 class (if its class or a waiver allows one) comes from what is left then.
  let left = Math.max(0, maxShares - stage1Basic - stage1Oversub);
  const b2 = claims(1, E_BASIC_REQUEST);
  const basic2 = allocate(basicShares, left, b2.electionOf, b2.caps, b2.electionOf.map((j) => C[E[j * ES + E_CERT]! * CS + C_FIRM]!));
  left -= basic2;
  const o2 = claims(1, E_OVERSUB_REQUEST);
  const o2Weights = basis === 'requested' ? o2.caps : o2.electionOf.map((j) => basicShares[j]!);
  const stage2Total = basic2 + allocate(oversubShares, left, o2.electionOf, o2.caps, o2Weights);

  // Step 6: money, and the rows in certificate-number order.
  const totalGood = new ExactSum();
  const totalApplied = new ExactSum();
  const totalRefund = new ExactSum();
  const rows: CertificateSettlement[] = new Array<CertificateSettlement>(n);
  for (let k = 0; k < n; k++) {
    const i = byNumber[k]!;
    const j = C[i * CS + C_ELECTION]!;
    const firmRights = C[i * CS + C_FIRM]!;
    if (j < 0) {
      rows[k] = {
        number: certs[i]!.number, status: 'none', deficiencies: NONE, waived: NONE, firmRights,
        basicShares: 0, oversubscriptionRequested: 0, oversubscriptionShares: 0, shares: 0,
        goodFunds: '0.00', pendingFunds: '0.00', applied: '0.00', refund: '0.00',
      };
      continue;
    }
    const o = j * ES;
    const basic = basicShares[j]!;
    const over = oversubShares[j]!;
    const shares = basic + over;
    const goodCents = E[o + E_GOOD]!;
    const applied = shares > 0 ? costCents(shares, price) : 0;
    const refund = goodCents - applied;
    if (refund < 0) throw new Error(`settlement invariant broken: ${certs[i]!.number} applied more than its good funds`);
    totalGood.add(goodCents);
    totalApplied.add(applied);
    totalRefund.add(refund);
    const bits = E[o + E_CODES]!;
    rows[k] = {
      number: certs[i]!.number,
      status: E[o + E_ACCEPTED] === 1 ? 'accepted' : 'rejected',
      deficiencies: CODE_LISTS[bits & 0xff]!,
      waived: CODE_LISTS[bits >> 8]!,
      firmRights,
      basicShares: basic,
      oversubscriptionRequested: E[o + E_OVERSUB_WRITTEN]!,
      oversubscriptionShares: over,
      shares,
      goodFunds: formatCents(goodCents),
      pendingFunds: formatCents(E[o + E_PENDING]!),
      applied: formatCents(applied),
      refund: formatCents(refund),
    };
  }
  const sharesIssued = stage1Basic + stage1Oversub + stage2Total;
  if (sharesIssued > maxShares) throw new Error('settlement invariant broken: more shares issued than offered');
  return {
    format: SETTLEMENT_FORMAT,
    certificates: rows,
    totals: {
      maxShares,
      basicShares: stage1Basic,
      oversubscriptionShares: stage1Oversub,
      stage2Shares: stage2Total,
      sharesIssued,
      unsubscribed: maxShares - sharesIssued,
      goodFunds: formatCents(totalGood.total),
      applied: formatCents(totalApplied.total),
      refunds: formatCents(totalRefund.total),
    },
  };
}
