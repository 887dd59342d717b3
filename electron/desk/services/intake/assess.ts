/**
 * The engine's verdict on one election, keyed or stored: intake builds the engine's facts from
 * what the clerk keyed and the book knows (certificate, terms, the envelope's receipt stamp, the
 * payments and their clearance), and asks `shared/domain` — it never re-implements a rule.
 * §4a (signatures, forms), §4b (deemed exercise), §5a (late), §6a (good funds), §9, §11, §21.
 */
import { z } from 'zod';
import { deficiency, evaluateElection, type DeficiencyCode } from '../../../../shared/domain';
import { summarizeFunds, type Payment, type PaymentMethod, type PaymentStatus } from '../../../../shared/domain/funds';
import { centsOf, formatCents } from '../../../../shared/domain/money';
import { costCents, sharePrice } from '../../../../shared/domain/price';
import { rightsDeadlines, type RightsOfferingTerms } from '../../../../shared/domain/terms';
import { wallTimeToInstant } from '../../../../shared/domain/time';
import type { CertificateRecord, CertificatesReader, IntakeReader, IntakeRecord } from '../../store/port';
import { guaranteedDeliveryNotCovered } from './guaranteed-cover';

/** What the clerk keys about the form besides the numbers (the `facts` column of an election). */
export const keyedFactsSchema = z.strictObject({
  signed: z.boolean(),
  signatureMatchesRegistration: z.boolean().optional(),
  allJointHoldersSigned: z.boolean().optional(),
  signedAsFiduciary: z.boolean().optional(),
  /** The capacity written under the signature (executor, trustee, attorney-in-fact…). */
  capacity: z.string().max(100).optional(),
  fiduciaryEvidence: z.boolean().optional(),
  deliverToOtherNameOrAddress: z.boolean().optional(),
  medallionGuarantee: z.boolean().optional(),
  wrongForm: z.boolean().optional(),
  foreignInstruction: z.boolean().optional(),
  taxFormOnFile: z.boolean().optional(),
  // -- DTC instructions and guaranteed deliveries --
  /** A DTC instruction: the Nominee Holder Certification came (read by the engine as it is). */
  nomineeCertified: z.boolean().optional(),
  /** A DTC instruction: its settlement was collected when keyed. */
  settled: z.boolean().optional(),
  /** An election keyed with a Notice of Guaranteed Delivery (its cover decides GUARANTEED_DELIVERY_NOT_COVERED). */
  guaranteedDelivery: z.boolean().optional(),
});
export type KeyedFacts = z.output<typeof keyedFactsSchema>;

/** Payment methods as intake keys them: the engine's, and DTC settlement. */
export type IntakeMethod = PaymentMethod | 'dtc';

export interface PaymentState {
  readonly method: IntakeMethod;
  /** Two-decimal text: the amount applied to this election. */
  readonly amount: string;
  readonly status: PaymentStatus;
}

export interface AssessInput {
  readonly terms: RightsOfferingTerms;
  readonly certificate: Pick<CertificateRecord, 'class' | 'firmRights' | 'held'>;
  /** Receipt stamp as keyed on the envelope, New York wall time 'YYYY-MM-DDTHH:mm'. */
  readonly stampedLocal: string;
  readonly basicShares: number | null;
  readonly oversubscriptionShares: number;
  readonly facts: KeyedFacts;
  readonly payments: readonly PaymentState[];
  /** Basic shares of this certificate's other unreversed elections (§1b: rights left). */
  readonly exercisedBefore: number;
  /** For a DTC instruction: the rights it surrendered stand in for the certificate's (see DESIGN). */
  readonly rightsSurrendered?: number | null;
  readonly certificateStopped?: boolean;
  /** §5b: the election's Notice of Guaranteed Delivery passed its cover period without the certificates. */
  readonly guaranteedDeliveryNotCovered?: boolean;
}

export interface DeficiencyView {
  readonly code: DeficiencyCode;
  readonly title: string;
  readonly description: string;
  readonly waivable: boolean;
}

export interface Verdict {
  readonly deficiencies: readonly DeficiencyView[];
  /** Rights the unit carries and what is left of them before this election. */
  readonly rights: number;
  readonly rightsLeft: number;
  /** §4b: what is exercised with the good funds in hand. */
  readonly basicShares: number;
  readonly oversubscriptionPaid: number;
  readonly paymentShort: boolean;
  readonly exceedsRights: boolean;
  /** Dollars, two decimals: good funds, funds not yet good, funds returned. */
  readonly goodFunds: string;
  readonly pendingFunds: string;
  readonly returnedFunds: string;
  /** What the shares written cost (basic as written, or the rights left when none; plus oversubscription). */
  readonly cost: string;
  /** What is still to be paid for the shares written ("0.00" when covered). */
  readonly due: string;
  /** Good funds beyond the cost of what is exercised, refunded after expiration (§4b), before proration. */
  readonly excess: string;
}

/** DTC settlement reaches the agent as collected funds: good funds once collected, as a wire (§6a(z)). */
const engineMethod = (m: IntakeMethod): PaymentMethod => (m === 'dtc' ? 'wire' : m);

/** The instant a class's rights expire (the transferable class may expire on its own date). */
export function expiresAtFor(terms: RightsOfferingTerms, classCode: string): number {
  // Terms are read once and never changed in memory: a whole program's assessment (the
  // supervisor's queue, the reports) asks this for every election with the same object.
  const known = expiryByTerms.get(terms)?.get(classCode);
  if (known !== undefined) return known;
  const deadlines = rightsDeadlines(terms);
  const transferable = terms.classes.find((c) => c.code === classCode)?.transferable === true;
  const instant = wallTimeToInstant(transferable ? deadlines.transferableExpiresAt : deadlines.expiresAt, terms.timeZone);
  const byClass = expiryByTerms.get(terms) ?? new Map<string, number>();
  expiryByTerms.set(terms, byClass.set(classCode, instant));
  return instant;
}

const expiryByTerms = new WeakMap<RightsOfferingTerms, Map<string, number>>();

/** Receipt stamps repeat for every item of an envelope: their instants are kept (a bounded memo). */
const stampInstants = new Map<string, number>();
function stampInstant(stampedLocal: string, timeZone: string): number {
  const key = `${timeZone} ${stampedLocal}`;
  let instant = stampInstants.get(key);
  if (instant === undefined) {
    if (stampInstants.size >= 10_000) stampInstants.clear();
    stampInstants.set(key, (instant = wallTimeToInstant(stampedLocal, timeZone)));
  }
  return instant;
}

export function assess(input: AssessInput): Verdict {
  const { terms, certificate } = input;
  const cls = terms.classes.find((c) => c.code === certificate.class);
  if (!cls) throw new Error(`class ${certificate.class} is not in the program's terms`);
  const price = sharePrice(terms.subscriptionPrice);
  const rights = input.rightsSurrendered ?? certificate.firmRights;
  const rightsLeft = Math.max(0, rights - input.exercisedBefore);
  const payments: Payment[] = input.payments.map((p) => ({ method: engineMethod(p.method), amount: p.amount, status: p.status }));
  const funds = summarizeFunds(payments);
  const evaluation = evaluateElection(
    {
      receivedAt: stampInstant(input.stampedLocal, terms.timeZone),
      expiresAt: expiresAtFor(terms, certificate.class),
      ...input.facts,
      certificateStopped: input.certificateStopped === true,
      guaranteedDeliveryNotCovered: input.guaranteedDeliveryNotCovered === true,
      foreignHolder: certificate.held,
      basicShares: input.basicShares,
      oversubscriptionShares: input.oversubscriptionShares,
      goodFunds: funds.good,
      anyReturned: funds.anyReturned,
    },
    { price, firmRights: rights, rightsRemaining: rightsLeft, classAllowsOversubscription: cls.oversubscription, requireFullBasic: terms.oversubscription.requireFullBasic },
  );
  const written = (input.basicShares === null ? rightsLeft : Math.min(input.basicShares, rightsLeft)) + input.oversubscriptionShares;
  const cost = costCents(written, price);
  const applied = costCents(evaluation.basicShares + evaluation.oversubscriptionPaid, price);
  return {
    deficiencies: evaluation.deficiencies.map((code) => {
      const d = deficiency(code);
      return { code, title: d.title, description: d.description, waivable: d.waivable };
    }),
    rights,
    rightsLeft,
    basicShares: evaluation.basicShares,
    oversubscriptionPaid: evaluation.oversubscriptionPaid,
    paymentShort: evaluation.paymentShort,
    exceedsRights: evaluation.exceedsRights,
    goodFunds: formatCents(funds.good),
    pendingFunds: formatCents(funds.pending),
    returnedFunds: formatCents(funds.returned),
    cost: formatCents(cost),
    due: formatCents(Math.max(0, cost - funds.good - funds.pending)),
    excess: formatCents(Math.max(0, funds.good - applied)),
  };
}

/** A payment's state from its clearance events: returned beats cleared (a cleared check can still bounce). */
export function paymentStatus(events: readonly Pick<IntakeRecord<'payment_events'>, 'kind'>[]): PaymentStatus {
  if (events.some((e) => e.kind === 'returned')) return 'returned';
  return events.some((e) => e.kind === 'cleared') ? 'cleared' : 'received';
}

/** The stored election's verdict, as it stands now (its payments' clearance included). */
export async function assessStored(r: { readonly intake: IntakeReader; readonly certificates: CertificatesReader }, election: IntakeRecord<'elections'>, terms: RightsOfferingTerms, certificate: CertificateRecord, stampedLocal: string, asOf?: Date): Promise<Verdict> {
  // A DTC instruction uses none of its position's other exercises: no need to sum them.
  const [exercised, payments] = await Promise.all([election.kind === 'dtc' ? 0 : r.intake.basicExercised(certificate.id), r.intake.paymentsOf(election.id)]);
  const reversed = (await r.intake.count('election_reversals', 'electionId', election.id)) > 0;
  // Rights left before this election: what the others exercised (this one's own basic shares excluded unless it was reversed).
  const own = reversed ? 0 : (election.basicShares ?? 0);
  return assess({
    terms, certificate, stampedLocal,
    basicShares: election.basicShares,
    oversubscriptionShares: election.oversubscriptionShares,
    facts: keyedFactsSchema.parse(election.facts),
    payments: payments.map((p) => ({ method: p.payment.method as IntakeMethod, amount: p.applied, status: paymentStatus(p.events) })),
    // A DTC instruction is an exercise unit of its own: the rights it surrendered, none used before.
    exercisedBefore: election.kind === 'dtc' ? 0 : Math.max(0, exercised - own),
    rightsSurrendered: election.rightsSurrendered,
    // §2c: keyed after a stop went on the certificate (reported lost, stolen, destroyed or mutilated).
    certificateStopped: (await r.certificates.events(certificate.id)).some((e) => e.kind === 'stopped' && e.at <= election.keyedAt),
    // A guaranteed delivery is judged as things stand at `asOf` (its cover period may pass later).
    guaranteedDeliveryNotCovered: asOf === undefined ? false : await guaranteedDeliveryNotCovered(r, election.id, terms, asOf),
  });
}

/** Sums two-decimal amounts exactly (integer cents). */
export function sumAmounts(amounts: readonly string[]): string {
  return formatCents(amounts.reduce((total, a) => total + centsOf(a), 0));
}
