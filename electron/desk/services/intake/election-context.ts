/**
 * What the election form stands on: the batch and envelope it is keyed from, the certificate
 * found by its number in the batch's program (with its register entry and class), and what
 * earlier elections already exercised on it. Read inside a change or a read alike.
 */
import { rightsDeadlines, wallTimeToInstant, type RightsClassTerms, type RightsOfferingTerms } from '../../../../shared/domain';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { CertificateRecord, ProgramRecord, ReadRepos, RegisterEntryRecord } from '../../store/port';
import { batchById, closingOf, envelopeById, type BatchRecord, type ElectionRecord, type EnvelopeRecord } from './reads';
import { rightsProgram } from '../certificates';

export interface FormGround {
  readonly program: ProgramRecord;
  readonly terms: RightsOfferingTerms;
  readonly batch: BatchRecord;
  readonly envelope: EnvelopeRecord;
}

export interface CertificateGround {
  readonly certificate: CertificateRecord;
  readonly entry: RegisterEntryRecord;
  readonly klass: RightsClassTerms;
  readonly stopped: boolean;
  /** Unreversed elections on the certificate, oldest first. */
  readonly earlier: readonly ElectionRecord[];
  /** Basic shares of those elections (a form with no number counts what its money covered when keyed). */
  readonly exercised: number;
}

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/** The batch (open) and the envelope (of that batch) an item is keyed from, and the program's terms. */
export async function formGround(r: ReadRepos, batchId: number, envelopeId: number, options: { mustBeOpen: boolean } = { mustBeOpen: true }): Promise<FormGround> {
  const batch = await batchById(r, batchId);
  if (!batch) throw new DeskFailure('NOT_FOUND', 'There is no such batch in this book', 'batchId');
  if (options.mustBeOpen && (await closingOf(r, batchId))) throw new DeskFailure('CONFLICT', `Batch ${batch.label} is closed: items are keyed into an open batch`, 'batchId');
  const envelope = await envelopeById(r, envelopeId);
  if (!envelope || envelope.batchId !== batch.id) throw new DeskFailure('NOT_FOUND', `Envelope: there is no such envelope in batch ${batch.label}; stamp the envelope first`, 'envelopeId');
  const { program, terms } = await rightsProgram(r, batch.programId);
  return { program, terms, batch, envelope };
}

/** The expiration instant of the program's terms (§5a), in ms. */
export function expiresAtMs(terms: RightsOfferingTerms): number {
  return wallTimeToInstant(rightsDeadlines(terms).expiresAt, terms.timeZone);
}

/** Event kinds that take a certificate out of use for good, and those that stop it (§2c). */
const GONE = new Set(['cancelled', 'replaced', 'surrendered']);
const STOPS = new Set(['stopped']);

/**
 * The certificate with this number in the program, its register entry and class, and what was
 * exercised on it — or a refusal naming the certificate number: unknown here, from another
 * program, or cancelled.
 */
export async function certificateGround(r: ReadRepos, program: ProgramRecord, terms: RightsOfferingTerms, number: string): Promise<CertificateGround> {
  const field = 'certificateNumber';
  const found = await r.certificates.byNumber(number);
  const certificate = found.find((c) => c.programId === program.id);
  if (!certificate) {
    const elsewhere = found[0];
    if (elsewhere) {
      const other = await r.programs.byId(elsewhere.programId);
      throw new DeskFailure('CONFLICT', `Certificate number: ${number} belongs to ${other?.name ?? 'another program'}, not to ${program.name}; key it in a batch of its own program`, field);
    }
    throw new DeskFailure('NOT_FOUND', `Certificate number: there is no certificate ${number} in ${program.name}; check the number as printed`, field);
  }
  const events = await r.certificates.events(certificate.id);
  const gone = events.find((e) => GONE.has(e.kind));
  if (gone) throw new DeskFailure('CONFLICT', `Certificate number: ${number} was ${gone.kind} on ${usDate(gone.at.slice(0, 10))}; it can no longer be exercised`, field);
  const stopped = events.some((e) => STOPS.has(e.kind));
  const entry = await r.register.entryById(certificate.entryId);
  if (!entry) throw new Error(`Certificate ${number} has no register entry ${certificate.entryId}`);
  const klass = terms.classes.find((c) => c.code === certificate.class);
  if (!klass) throw new DeskFailure('CONFLICT', `Certificate number: ${number} is of class ${certificate.class}, which the program's current terms do not have`, field);
  const earlier = await unreversedElections(r, certificate.id);
  return { certificate, entry, klass, stopped, earlier, exercised: earlier.reduce((n, e) => n + (e.basicShares ?? 0), 0) };
}

/** A certificate's elections that still count: those no correction reversed. */
export function unreversedElections(r: ReadRepos, certificateId: number): Promise<ElectionRecord[]> {
  return r.intake.unreversedElections(certificateId);
}
