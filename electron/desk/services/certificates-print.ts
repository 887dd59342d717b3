/**
 * Printing issued certificates: a selection (a class, a range of numbers) becomes PDF files of
 * at most 1,000 pages, one class per file (each class is printed on its own colour of stock),
 * named so that their order is plain (`983764176-A-RT-000001-RT-000997.pdf`). Held certificates
 * are printed too — the agent keeps that paper — and say on their face that they are held (§9).
 * A finished run is journaled ('certificates.printed': the files with their number ranges); a
 * cancelled one leaves neither files nor a journal entry. A reprint is one DUPLICATE, journaled
 * with its reason as a 'reprinted' event of the certificate.
 */
import { linkSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../shared/ipc/result';
import { MAX_CERTIFICATES_PER_FILE, printFiles, type PlannedFile, type WrittenFile } from '../pdf/bulk-print';
import type { PrintCertificatesInput, PrintCertificatesOutput } from '../workers/print-certificates';
import { runJob } from '../workers/run-job';
import type { BookStore, CertificateSelection, JournalActor } from '../store/port';
import { certificatesWithEntries, faceOf, printContext, type PrintContext } from './certificate-faces';

export interface PrintSelection {
  readonly class?: string | undefined;
  readonly fromNumber?: string | undefined;
  readonly toNumber?: string | undefined;
}

export interface PrintOptions {
  readonly workers?: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: { done: number; total: number; unit: string }) => void) | undefined;
  /** Fewer per file than the 1,000-page limit allows (tests); never more. */
  readonly certificatesPerFile?: number;
}

export interface PrintResult {
  readonly programId: number;
  readonly folder: string;
  readonly certificates: number;
  readonly pages: number;
  readonly files: readonly WrittenFile[];
}

const NUMBER = /^RT-(\d{6,9})$/;

function seqOf(number: string | undefined, field: string): number | undefined {
  if (number === undefined) return undefined;
  const match = NUMBER.exec(number.trim().toUpperCase());
  if (!match) throw new DeskFailure('INVALID_INPUT', `Certificate number: expected a number like RT-000123, got "${number.slice(0, 40)}"`, field);
  return Number(match[1]);
}

/** The classes and number range asked for, checked against the program's terms. */
function selectionsOf(ctx: PrintContext, s: PrintSelection): CertificateSelection[] {
  const fromSeq = seqOf(s.fromNumber, 'fromNumber');
  const toSeq = seqOf(s.toNumber, 'toNumber');
  if (fromSeq !== undefined && toSeq !== undefined && fromSeq > toSeq) throw new DeskFailure('INVALID_INPUT', `Certificate numbers: ${s.fromNumber} comes after ${s.toNumber}`, 'toNumber');
  if (s.class !== undefined && !ctx.classes.has(s.class)) {
    throw new DeskFailure('INVALID_INPUT', `Class: ${ctx.program.name} has no class "${s.class.slice(0, 20)}" (its classes are ${[...ctx.classes.keys()].join(', ')})`, 'class');
  }
  const codes = s.class === undefined ? [...ctx.classes.keys()] : [s.class];
  return codes.map((code) => ({ class: code, fromSeq, toSeq }));
}

/** Files of one class after another, each of at most `perFile` certificates, read as the workers need them. */
async function* planFiles(store: BookStore, ctx: PrintContext, selections: readonly CertificateSelection[], perFile: number): AsyncGenerator<PlannedFile> {
  for (const selection of selections) {
    let after = 0;
    for (;;) {
      const rows = await store.read((r) => certificatesWithEntries(r, ctx.program.id, selection, after, perFile));
      const first = rows[0]?.certificate;
      const last = rows[rows.length - 1]?.certificate;
      if (!first || !last) break;
      after = last.seq;
      const name = `${ctx.program.cusip}-${selection.class ?? ''}-${first.number}-${last.number}.pdf`;
      yield {
        name,
        title: `${ctx.program.issuer} — class ${selection.class ?? ''} certificates ${first.number} to ${last.number}`,
        faces: rows.map(({ certificate, entry }) => faceOf(ctx, certificate, entry)),
        facts: { class: selection.class ?? '', first: first.number, last: last.number },
      };
    }
  }
}

/** Prints the selection into `folder` and journals the run; refused in words when nothing matches. */
export async function printCertificates(store: BookStore, by: JournalActor, programId: number, selection: PrintSelection, folder: string, options: PrintOptions = {}): Promise<PrintResult> {
  const ctx = await store.read((r) => printContext(r, programId));
  const selections = selectionsOf(ctx, selection);
  const total = (await store.read((r) => Promise.all(selections.map((s) => r.certificates.count(programId, s))))).reduce((a, b) => a + b, 0);
  if (total === 0) throw new DeskFailure('CONFLICT', `No certificates of ${ctx.program.name} match this selection: nothing to print`, 'class');
  const perFile = Math.min(MAX_CERTIFICATES_PER_FILE, Math.max(1, options.certificatesPerFile ?? MAX_CERTIFICATES_PER_FILE));
  const files = await printFiles(folder, planFiles(store, ctx, selections, perFile), {
    workers: options.workers ?? 2,
    signal: options.signal,
    onPages: (done) => options.onProgress?.({ done, total: total * 2, unit: 'pages printed' }),
  });
  const result: PrintResult = { programId, folder, certificates: total, pages: files.reduce((n, f) => n + f.pages, 0), files };
  try {
    await store.change(by, 'certificates.printed', async () => ({
      payload: { programId, cusip: ctx.program.cusip, selection: { ...selection }, folder, certificates: result.certificates, pages: result.pages, files: files.map((f) => ({ name: f.name, ...f.facts, certificates: f.certificates, pages: f.pages })) },
      result: null,
    }));
  } catch (error) {
    // Paper the journal does not know of must not remain.
    for (const f of files) rmSync(path.join(folder, f.name), { force: true });
    throw error;
  }
  return result;
}

/** Why a duplicate is printed: a real reason, kept in the journal. */
function checkReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 10 || r.split(/\s+/).length < 2) throw new DeskFailure('INVALID_INPUT', 'Reason for the reprint: say why in a few words (at least 10 characters), e.g. "Original returned torn by the post office"', 'reason');
  return r.slice(0, 500);
}

/**
 * One certificate printed again, marked DUPLICATE, into `file` (over an existing file only when told),
 * and journaled: a 'reprinted' event of the certificate with the reason ('certificate.reprinted').
 */
export async function reprintCertificate(store: BookStore, by: JournalActor, certificateId: number, reason: string, file: string, options: { signal?: AbortSignal | undefined; today: string; overwrite?: boolean }): Promise<{ fileName: string; number: string; file: string }> {
  const why = checkReason(reason);
  const { ctx, face, number } = await store.read(async (r) => {
    const certificate = await r.certificates.byId(certificateId);
    if (!certificate) throw new DeskFailure('NOT_FOUND', 'There is no such certificate in this book', 'certificateId');
    const context = await printContext(r, certificate.programId);
    const [row] = await certificatesWithEntries(r, certificate.programId, {}, certificate.seq - 1, 1);
    if (!row) throw new Error(`Certificate ${certificate.number} could not be read back`);
    return { ctx: context, face: faceOf(context, row.certificate, row.entry, { reprintedOn: options.today }), number: certificate.number };
  });
  const partial = `${file}.partial`;
  const input: PrintCertificatesInput = { file: partial, title: `${ctx.program.issuer} — ${number} DUPLICATE`, faces: [face] };
  try {
    await runJob<PrintCertificatesInput, PrintCertificatesOutput>('print-certificates', input, { signal: options.signal });
    try {
      // Never replaces a file already there, unless the user said so in main's save dialog.
      if (options.overwrite === true) renameSync(partial, file);
      else linkSync(partial, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DeskFailure('CONFLICT', `${path.basename(file)} already exists: choose another name (nothing was printed or recorded)`);
      throw error;
    }
  } finally {
    rmSync(partial, { force: true });
  }
  try {
    await store.change(by, 'certificate.reprinted', async (tx, at) => {
      await tx.certificates.addEvent({ certificateId, at, kind: 'reprinted', detail: { reason: why, fileName: path.basename(file), duplicate: true }, createdBy: by.id });
      return { payload: { certificateId, number, programId: ctx.program.id, reason: why, fileName: path.basename(file) }, result: null };
    });
  } catch (error) {
    rmSync(file, { force: true }); // a duplicate the journal does not know of must not remain
    throw error;
  }
  return { fileName: path.basename(file), number, file };
}
