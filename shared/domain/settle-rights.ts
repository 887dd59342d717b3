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
 */
import { decideElection, evaluateElection } from './election';
import { summarizeFunds, type FundsSummary } from './funds';
import { ExactSum } from './integers';
import { formatCents, MoneyError } from './money';
import { costCents, sharePrice } from './price';
import { prorate } from './proration';
import { compareCertificateNumbers, FirmRightsRate } from './rights';
import { SETTLE_DEFICIENCY_CODES, type DeficiencyCode, type SettleDeficiencyCode } from './deficiencies';
import { SETTLEMENT_FORMAT, ScenarioError, type RightsScenario } from './scenario';
import { WallClock } from './time';

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

export interface RightsSettlement {
  readonly format: typeof SETTLEMENT_FORMAT;
  readonly certificates: readonly CertificateSettlement[];
  readonly totals: RightsTotals;
}

const SETTLE_CODES = new Set<DeficiencyCode>(SETTLE_DEFICIENCY_CODES);
const NONE: readonly SettleDeficiencyCode[] = Object.freeze([]);

function onlySettleCodes(codes: readonly DeficiencyCode[]): readonly SettleDeficiencyCode[] {
  if (codes.length === 0) return NONE;
  let all = true;
  for (const c of codes) if (!SETTLE_CODES.has(c)) all = false;
  if (all) return codes as readonly SettleDeficiencyCode[];
  const out: SettleDeficiencyCode[] = [];
  for (const c of codes) if (SETTLE_CODES.has(c)) out.push(c as SettleDeficiencyCode);
  return out;
}

function fail(path: string, message: string): never {
  throw new ScenarioError({ path, message });
}

/** Σ of whole shares (each a safe integer, the sum bounded by maxShares when allocated). */
function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

/**
 * Settles a validated rights-offering scenario (see `parseScenario`). Pure and deterministic:
 * the result depends only on the scenario's content, not on the order of its lists.
 */
export function settleRights(scenario: RightsScenario): RightsSettlement {
  const program = scenario.program;
  const price = sharePrice(program.subscriptionPrice);
  const clock = new WallClock(program.timeZone);
  const expiresAt = clock.instant(program.expiresAt);
  const maxShares = program.maxShares;
  const basis = program.oversubscription.basis;
  const requireFullBasic = program.oversubscription.requireFullBasic;

  const classes = new Map(program.classes.map((c) => [c.code, { rate: new FirmRightsRate(c.firmRightsPerUnit), oversubscription: c.oversubscription, stage2: c.stage === 2 }]));

  // Certificates, and their order by number (output order and the last tie-break).
  const certs = scenario.certificates;
  const n = certs.length;
  const index = new Map<string, number>();
  const firm = new Float64Array(n);
  const stage2 = new Uint8Array(n);
  const allowsOversub = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = certs[i]!;
    index.set(c.number, i);
    if (index.size !== i + 1) fail(`certificates[${i}].number`, `duplicate certificate number "${c.number}"`);
    const cls = classes.get(c.class) ?? fail(`certificates[${i}].class`, `unknown class "${c.class}"`);
    try {
      firm[i] = cls.rate.of(c.units);
    } catch (error) {
      fail(`certificates[${i}].units`, error instanceof MoneyError ? error.message : String(error));
    }
    stage2[i] = cls.stage2 ? 1 : 0;
    allowsOversub[i] = cls.oversubscription ? 1 : 0;
  }
  const byNumber = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareCertificateNumbers(certs[a]!.number, certs[b]!.number));
  const rank = new Float64Array(n);
  for (let k = 0; k < n; k++) rank[byNumber[k]!] = k;

  const waivers = new Map<string, Set<string>>();
  for (const w of scenario.waivers) {
    let set = waivers.get(w.certificate);
    if (!set) waivers.set(w.certificate, (set = new Set()));
    set.add(w.code);
  }
  const noWaivers: ReadonlySet<string> = new Set();

  // Step 1–2: deficiencies, decision, deemed exercise — per election.
  const hasElection = new Uint8Array(n);
  const accepted = new Uint8Array(n);
  const received = new Float64Array(n);
  const basicRequest = new Float64Array(n);
  const oversubWritten = new Float64Array(n);
  const oversubRequest = new Float64Array(n);
  const good = new Float64Array(n); // integer cents
  const pending = new Float64Array(n); // integer cents
  const codes: (readonly SettleDeficiencyCode[])[] = new Array<readonly SettleDeficiencyCode[]>(n).fill(NONE);
  const waivedCodes: (readonly SettleDeficiencyCode[])[] = new Array<readonly SettleDeficiencyCode[]>(n).fill(NONE);

  const elections = scenario.elections;
  for (let j = 0; j < elections.length; j++) {
    const e = elections[j]!;
    const i = index.get(e.certificate) ?? fail(`elections[${j}].certificate`, `unknown certificate "${e.certificate}"`);
    if (hasElection[i] === 1) fail(`elections[${j}].certificate`, `certificate "${e.certificate}" already has an election`);
    hasElection[i] = 1;
    const at = clock.tryInstant(e.receivedAt) ?? fail(`elections[${j}].receivedAt`, `not a time in ${program.timeZone}: "${e.receivedAt}"`);
    received[i] = at;

    let funds: FundsSummary;
    try {
      funds = summarizeFunds(e.payments);
    } catch (error) {
      fail(`elections[${j}].payments`, error instanceof Error ? error.message : String(error));
    }
    const goodCents = funds.good;
    good[i] = goodCents;
    pending[i] = funds.pending;

    const evaluation = evaluateElection(
      {
        receivedAt: at,
        expiresAt,
        signed: e.signed,
        basicShares: e.basicShares,
        oversubscriptionShares: e.oversubscriptionShares,
        goodFunds: goodCents,
        anyReturned: funds.anyReturned,
      },
      { price, firmRights: firm[i]!, classAllowsOversubscription: allowsOversub[i] === 1, requireFullBasic },
    );
    const found = evaluation.deficiencies;
    const decision = decideElection(found, found.length === 0 ? noWaivers : (waivers.get(e.certificate) ?? noWaivers));
    codes[i] = onlySettleCodes(evaluation.deficiencies);
    waivedCodes[i] = onlySettleCodes(decision.waived);
    oversubWritten[i] = e.oversubscriptionShares;
    if (decision.status === 'accepted') {
      accepted[i] = 1;
      basicRequest[i] = evaluation.basicShares;
      oversubRequest[i] = decision.oversubscriptionVoid ? 0 : evaluation.oversubscriptionPaid;
    }
  }

  // Ties on a fractional remainder: earlier receipt, then lower certificate number.
  const tieBreakOf = (certOf: ArrayLike<number>) => (a: number, b: number) => {
    const x = certOf[a]!;
    const y = certOf[b]!;
    return received[x]! - received[y]! || rank[x]! - rank[y]!;
  };

  /** Fills the claims of the given certificates from `pool` into `into`; returns the shares given. */
  const allocate = (into: Float64Array, pool: number, certOf: readonly number[], caps: readonly number[], weights: readonly number[]): number => {
    const r = prorate({ pool, caps, weights, tieBreak: tieBreakOf(certOf) });
    let given = 0;
    for (let k = 0; k < certOf.length; k++) {
      into[certOf[k]!] = r.allocations[k]!;
      given += r.allocations[k]!;
    }
    return given;
  };

  // Step 3: stage-1 basic shares, in full unless they exceed maxShares (then prorated on basic).
  const basicShares = new Float64Array(n);
  const oversubShares = new Float64Array(n);
  {
    const certOf: number[] = [];
    const caps: number[] = [];
    for (let i = 0; i < n; i++) if (accepted[i] === 1 && stage2[i] === 0 && basicRequest[i]! > 0) {
      certOf.push(i);
      caps.push(basicRequest[i]!);
    }
    allocate(basicShares, maxShares, certOf, caps, caps);
  }
  const stage1Basic = sum(basicShares);

  // Step 4: oversubscription from the pool left by stage-1 basic shares.
  {
    const pool = Math.max(0, maxShares - stage1Basic);
    const certOf: number[] = [];
    const caps: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < n; i++) if (accepted[i] === 1 && stage2[i] === 0 && oversubRequest[i]! > 0) {
      certOf.push(i);
      caps.push(oversubRequest[i]!);
      weights.push(basis === 'requested' ? oversubRequest[i]! : basicShares[i]!);
    }
    allocate(oversubShares, pool, certOf, caps, weights);
  }
  const stage1Oversub = sum(oversubShares);

  // Step 5: stage 2 fills up to firm rights from what stage 1 left, prorated by firm rights.
  let stage2Total: number;
  {
    let left = Math.max(0, maxShares - stage1Basic - stage1Oversub);
    const certOf: number[] = [];
    const caps: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < n; i++) if (accepted[i] === 1 && stage2[i] === 1 && basicRequest[i]! > 0) {
      certOf.push(i);
      caps.push(basicRequest[i]!);
      weights.push(firm[i]!);
    }
    const basic2 = allocate(basicShares, left, certOf, caps, weights);
    left -= basic2;
    const oCert: number[] = [];
    const oCaps: number[] = [];
    const oWeights: number[] = [];
    for (let i = 0; i < n; i++) if (accepted[i] === 1 && stage2[i] === 1 && oversubRequest[i]! > 0) {
      oCert.push(i);
      oCaps.push(oversubRequest[i]!);
      oWeights.push(basis === 'requested' ? oversubRequest[i]! : basicShares[i]!);
    }
    stage2Total = basic2 + allocate(oversubShares, left, oCert, oCaps, oWeights);
  }

  // Step 6: money, and the rows in certificate-number order.
  const totalGood = new ExactSum();
  const totalApplied = new ExactSum();
  const totalRefund = new ExactSum();
  const rows: CertificateSettlement[] = new Array<CertificateSettlement>(n);
  for (let k = 0; k < n; k++) {
    const i = byNumber[k]!;
    const shares = basicShares[i]! + oversubShares[i]!;
    const goodCents = good[i]!;
    const applied = shares > 0 ? costCents(shares, price) : 0;
    const refund = goodCents - applied;
    if (refund < 0) throw new Error(`settlement invariant broken: ${certs[i]!.number} applied more than its good funds`);
    totalGood.add(goodCents);
    totalApplied.add(applied);
    totalRefund.add(refund);
    rows[k] = {
      number: certs[i]!.number,
      status: hasElection[i] === 0 ? 'none' : accepted[i] === 1 ? 'accepted' : 'rejected',
      deficiencies: codes[i]!,
      waived: waivedCodes[i]!,
      firmRights: firm[i]!,
      basicShares: basicShares[i]!,
      oversubscriptionRequested: oversubWritten[i]!,
      oversubscriptionShares: oversubShares[i]!,
      shares,
      goodFunds: formatCents(goodCents),
      pendingFunds: formatCents(pending[i]!),
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
