/**
 * An election's confirmation, in words, from the book: what was received (the form or DTC
 * instruction, its stamp, what was written on it, the payments), how it was applied (the
 * engine's verdict: §4b deemed exercise, good funds, amount applied, refund due), what is
 * deficient and what happens next. Registration and address as on the register; TIN masked.
 */
import { centsOf, formatCents, instantToWallTime, isGoodFunds, PAYMENT_METHODS, rightsDeadlines, type PaymentMethod, type RightsOfferingTerms } from '../../../../shared/domain';
import { DeskFailure } from '../../../../shared/ipc/result';
import { printedCusip } from '../../pdf/certificate-doc';
import type { ConfirmationPayment, ConfirmationPrint, PrintLine } from '../../pdf/intake-print-model';
import type { PaymentWithEvents, ProgramRecord, ReadRepos, RegisterEntryRecord } from '../../store/port';
import { rightsProgram } from '../certificates';
import { addressLines } from '../certificate-faces';
import { maskTin } from '../register-view-model';
import { keyedFactsSchema, paymentStatus, type KeyedFacts, type Verdict } from './assess';
import { storedElection, type StoredElection } from './batch-rows';
import { dollars, instantInWords, isZero, methodLabel, shares, wallInWords } from './print-words';

export interface PrintedBy {
  readonly username: string;
  /** ISO UTC. */
  readonly at: string;
}

const yesNo = (value: boolean | undefined, yes: string, no: string): string => (value === false ? no : yes);

/** What the clerk keyed about signatures, guarantees and forms, as lines (only what applies). */
function factLines(f: KeyedFacts): PrintLine[] {
  const lines: PrintLine[] = [{ label: 'Signature', value: f.signed ? 'Signed' : 'Not signed' }];
  if (f.signed) lines.push({ label: 'Signature matches the registration', value: yesNo(f.signatureMatchesRegistration, 'Yes', 'No') });
  if (f.allJointHoldersSigned !== undefined) lines.push({ label: 'All joint holders signed', value: yesNo(f.allJointHoldersSigned, 'Yes', 'No') });
  if (f.signedAsFiduciary === true) lines.push({ label: 'Signed as fiduciary', value: `${f.capacity ?? 'Capacity not stated'}; evidence of authority ${f.fiduciaryEvidence === true ? 'received' : 'not received'}` });
  if (f.deliverToOtherNameOrAddress === true) lines.push({ label: 'Deliver to another name or address', value: `Yes; medallion guarantee ${f.medallionGuarantee === true ? 'received' : 'not received'}` });
  lines.push({ label: 'TIN / Form W-9', value: yesNo(f.taxFormOnFile, 'On file', 'Not received') });
  if (f.wrongForm === true) lines.push({ label: 'Form', value: 'Not the original form' });
  return lines;
}

function receivedLines(s: StoredElection, facts: KeyedFacts, batchLabel: string, owners: number): PrintLine[] {
  const e = s.election;
  const what = e.kind === 'dtc'
    ? `DTC instruction ${e.voiNumber ?? ''} from participant ${e.participantNumber ?? ''} ${e.participantName ?? ''}`.trim()
    : `Election form on certificate ${s.certificate.number}`;
  const lines: PrintLine[] = [
    { label: 'Item', value: what },
    { label: 'Received', value: `${wallInWords(s.envelope.stampedLocal)} (${batchLabel}, envelope ${s.envelope.seq})` },
    { label: 'Basic shares written', value: e.basicShares === null ? 'No number written' : shares(e.basicShares) },
    { label: 'Oversubscription shares written', value: shares(e.oversubscriptionShares) },
  ];
  if (e.kind === 'dtc') {
    lines.push({ label: 'Rights surrendered through DTC', value: shares(e.rightsSurrendered ?? 0) });
    lines.push({ label: 'Nominee Holder Certification', value: owners === 0 ? 'None received' : `${shares(owners)} beneficial ${owners === 1 ? 'owner' : 'owners'} listed` });
  }
  return e.kind === 'dtc' ? lines : [...lines, ...factLines(facts)];
}

function appliedLines(v: Verdict, price: string, basicWritten: number | null): PrintLine[] {
  // Good funds less what is refunded: the funds that pay for the shares exercised.
  const applied = formatCents(centsOf(v.goodFunds) - centsOf(v.excess));
  const deemed = basicWritten === null || v.paymentShort;
  const lines: PrintLine[] = [
    { label: 'Rights held / left before this election', value: `${shares(v.rights)} / ${shares(v.rightsLeft)}` },
    { label: deemed ? 'Basic shares exercised (deemed, §4b)' : 'Basic shares exercised', value: shares(v.basicShares) },
    { label: 'Oversubscription shares paid for', value: `${shares(v.oversubscriptionPaid)} (subject to proration)` },
    { label: 'Subscription price', value: `${dollars(price)} per share` },
    { label: 'Good funds received (§6a)', value: dollars(v.goodFunds) },
  ];
  if (!isZero(v.pendingFunds)) lines.push({ label: 'Awaiting clearance', value: dollars(v.pendingFunds) });
  if (!isZero(v.returnedFunds)) lines.push({ label: 'Returned unpaid', value: dollars(v.returnedFunds) });
  lines.push({ label: 'Amount applied', value: dollars(applied) });
  // With no number written §4b decides what is exercised: nothing is "due" for it.
  if (basicWritten !== null && !isZero(v.due)) lines.push({ label: 'Still due for the shares written', value: dollars(v.due) });
  lines.push({ label: 'Refund due', value: isZero(v.excess) ? 'None' : `${dollars(v.excess)} (after expiration and all prorations)` });
  return lines;
}

/** What the holder is told to do next; printed after the offer expired, no deadline already past is given as one still to meet. */
function nextSteps(s: StoredElection, v: Verdict, terms: RightsOfferingTerms, printedAt: string): string[] {
  const expiresAt = rightsDeadlines(terms).expiresAt;
  const expires = wallInWords(expiresAt);
  const expired = instantToWallTime(Date.parse(printedAt)) > expiresAt;
  const cureAfterExpiry = `The offer expired on ${expires}: the company decides whether it may still be cured, and by when (§11); the rights agent will write to you if it may.`;
  const codes = new Set(v.deficiencies.map((d) => d.code));
  const out: string[] = [];
  if (s.reversal) out.push(`This election was withdrawn on ${instantInWords(s.reversal.reversedAt)} (${s.reversal.reason}); the election that corrects it is the one that counts.`);
  if (codes.has('LATE')) return [...out, 'It was received after the offer expired, so it cannot be honoured (§5). All money received with it will be returned by mail, without interest.'];
  if (v.deficiencies.length > 0) out.push(`The exercise is not accepted until each deficiency above is cured or waived by the company (§11). ${expired ? cureAfterExpiry : `Send what is missing to the rights agent before ${expires}.`}`);
  if (!isZero(v.pendingFunds)) out.push('A check counts as payment only once it has cleared (§6a); the shares it pays for are exercised then.');
  if (!isZero(v.returnedFunds)) out.push(`A payment came back unpaid and is not counted; ${expired ? 'it can be made good only as the company allows (§11).' : 'send good funds before the offer expires.'}`);
  if (v.deficiencies.length === 0) out.push(`Your exercise of ${shares(v.basicShares)} shares is recorded and irrevocable (§4a). Shares are issued in the name of the exercising holder after expiration and all prorations (§8).`);
  if (v.oversubscriptionPaid > 0) out.push('Oversubscription shares are allotted pro rata after expiration; money for shares not allotted is refunded without interest.');
  if (!isZero(v.excess)) out.push(`${dollars(v.excess)} is refunded by mail after expiration and all prorations, without interest or deduction (§4b).`);
  return out;
}

/** A payment's state as the holder reads it (the engine's §6a rule decides which methods wait for clearance). */
function statusWords(method: string, events: PaymentWithEvents['events']): string {
  const status = paymentStatus(events);
  if (status === 'returned') {
    const reason = events.find((e) => e.kind === 'returned')?.reason;
    return `Returned unpaid${reason ? ` (${reason})` : ''}`;
  }
  if (status === 'cleared') return 'Cleared — good funds';
  const engineMethod = method === 'dtc' ? 'wire' : method;
  return (PAYMENT_METHODS as readonly string[]).includes(engineMethod) && isGoodFunds(engineMethod as PaymentMethod, 'received') ? 'Received — good funds' : 'Received — awaiting clearance';
}

function paymentLines(payments: readonly PaymentWithEvents[]): ConfirmationPayment[] {
  return payments.map(({ payment: p, applied, events }) => {
    const words = statusWords(p.method, events);
    const detail = [p.checkNumber ? `No. ${p.checkNumber}` : null, p.reference ? `Ref. ${p.reference}` : null, `from ${p.payer}`, applied !== p.amount ? `${dollars(applied)} of ${dollars(p.amount)} applied here` : null].filter((x) => x !== null).join(', ');
    return { method: methodLabel(p.method), amount: dollars(applied), detail, status: words };
  });
}

function classWords(terms: RightsOfferingTerms, code: string, dtc: boolean): string {
  const cls = terms.classes.find((c) => c.code === code);
  const name = cls?.transferable === true ? 'Transferable rights' : `Class ${code} rights`;
  return `${name}${cls ? ` (${cls.colour})` : ''}${dtc ? ' — DTC position' : ''}`;
}

export interface ConfirmationSource {
  readonly program: ProgramRecord;
  readonly terms: RightsOfferingTerms;
  readonly stored: StoredElection;
  readonly entry: RegisterEntryRecord;
  readonly batchLabel: string;
}

/** Reads what one election's confirmation says. */
export async function confirmationSource(r: ReadRepos, electionId: number): Promise<ConfirmationSource> {
  const election = await r.intake.byId('elections', electionId);
  if (!election) throw new DeskFailure('NOT_FOUND', `Election: there is no election ${electionId} in this book`, 'electionId');
  const { program, terms } = await rightsProgram(r, election.programId);
  const stored = await storedElection(r, election, terms);
  const [entry, batch] = await Promise.all([r.register.entryById(stored.certificate.entryId), r.intake.byId('mail_batches', election.batchId)]);
  if (!entry || !batch) throw new Error(`Election ${electionId} names a register entry or batch the book does not have`);
  return { program, terms, stored, entry, batchLabel: `batch ${batch.id}` };
}

/** One election's confirmation, in words. */
export async function confirmationOf(r: ReadRepos, source: ConfirmationSource, by: PrintedBy): Promise<ConfirmationPrint> {
  const { program, terms, stored, entry } = source;
  const e = stored.election;
  const facts = keyedFactsSchema.parse(e.facts);
  const [payments, owners] = await Promise.all([r.intake.paymentsOf(e.id), r.intake.count('nominee_certification_lines', 'electionId', e.id)]);
  return {
    issuer: program.issuer,
    programName: program.name,
    cusip: printedCusip(program.cusip),
    reference: `Election ${e.id}${e.correctsId === null ? '' : ` (correction of election ${e.correctsId})`}`,
    certificateNumber: stored.certificate.number,
    className: classWords(terms, stored.certificate.class, e.kind === 'dtc'),
    registration: entry.registration,
    address: addressLines(entry),
    tinLine: entry.tinType === 'NONE' || entry.tinLast4 === null ? 'No TIN on file' : `TIN ${maskTin(entry.tinType, entry.tinLast4)}`,
    received: receivedLines(stored, facts, source.batchLabel, owners),
    payments: paymentLines(payments),
    applied: appliedLines(stored.verdict, terms.subscriptionPrice, e.basicShares),
    deficiencies: stored.verdict.deficiencies.map((d) => ({ code: d.code, title: d.title, description: d.description })),
    next: nextSteps(stored, stored.verdict, terms, by.at),
    printed: `Printed ${instantInWords(by.at)} by ${by.username}. Keep this confirmation with your records.`,
    reversed: stored.reversal ? `WITHDRAWN — ${stored.reversal.reason}` : null,
  };
}
