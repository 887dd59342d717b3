/**
 * Printing a replacement (§2c): the new certificate's face marked "REPLACEMENT — replaces
 * RT-…", through the certificate printing worker, and its cover letter (what was lost, what is
 * replaced, what the holder does next), both into the folder main's dialog chose, then journaled
 * as the new certificate's 'printed' event. A failure leaves neither file nor entry behind.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { instantToWallTime } from '../../../../shared/domain';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { LetterContent } from '../../pdf/letter-doc';
import type { PrintCertificatesInput, PrintCertificatesOutput } from '../../workers/print-certificates';
import type { PrintLetterInput } from '../../workers/print-letter';
import { runJob } from '../../workers/run-job';
import type { BookStore, JournalActor } from '../../store/port';
import { addressLines, certificatesWithEntries, faceOf, printContext } from '../certificate-faces';
import { approvedBond, loadCase, replacementOf, type CaseFile } from './case-file';

const KIND_WORDS = { lost: 'lost', stolen: 'stolen', destroyed: 'destroyed', mutilated: 'mutilated' } as const;

function coverLetter(file: CaseFile, replacement: { number: string; firmRights: number }, issuer: string, expiresInWords: string, today: string, premium: string | null): LetterContent {
  const kind = KIND_WORDS[file.record.kind as keyof typeof KIND_WORDS] ?? file.record.kind;
  const registration = file.entry.registration.filter((l) => l !== '');
  return {
    title: `${issuer} — replacement ${replacement.number} for ${file.certificate.number}`,
    date: today,
    addressee: [...registration, ...addressLines(file.entry)],
    subject: `Replacement of subscription certificate ${file.certificate.number} (${issuer})`,
    body: [
      ...[
        `You told us that certificate ${file.certificate.number} was ${kind}. We have stopped it and cancelled it; it is void and can no longer be exercised or transferred.`,
        `Enclosed is certificate ${replacement.number}, issued in its place on the same terms and in the same registration. It carries ${replacement.firmRights} rights: the rights of the original less any already exercised on it.`,
        `To exercise, complete and sign the election form on the back of ${replacement.number} and return it with full payment so that it is received no later than ${expiresInWords}. Rights not exercised by then expire.`,
        'If the original certificate turns up, do not use it: return it to us so that it can be kept with our cancelled certificates.',
      ].map((text) => ({ kind: 'paragraph' as const, text })),
      {
        kind: 'facts',
        rows: [
          ['Original certificate', `${file.certificate.number} (cancelled)`],
          ['Replacement certificate', replacement.number],
          ['Class', file.certificate.class],
          ['Rights on the replacement', String(replacement.firmRights)],
          ['Case', String(file.record.id)],
          ...(premium === null ? [] : ([['Indemnity bond premium paid', `$${premium}`]] as [string, string][])),
        ],
      },
    ],
    closing: 'Sincerely,',
  };
}

export async function printReplacement(store: BookStore, by: JournalActor, caseId: number, folder: string, options: { today: string; signal?: AbortSignal | undefined }): Promise<{ files: string[]; number: string }> {
  const prepared = await store.read(async (r) => {
    const file = await loadCase(r, caseId);
    const replacement = replacementOf(file);
    if (!replacement) throw new DeskFailure('CONFLICT', `Case ${caseId} has no replacement yet: replace the certificate first`, 'caseId');
    const certificate = await r.certificates.byId(replacement.certificateId);
    if (!certificate) throw new Error(`Replacement ${replacement.number} is not in the book`);
    const ctx = await printContext(r, certificate.programId);
    const [row] = await certificatesWithEntries(r, certificate.programId, {}, certificate.seq - 1, 1);
    if (!row) throw new Error(`Replacement ${replacement.number} could not be read back`);
    const face = { ...faceOf(ctx, row.certificate, row.entry), replacement: { replaces: file.certificate.number, issuedOn: instantToWallTime(Date.parse(certificate.issuedAt), ctx.terms.timeZone).slice(0, 10) } };
    const expires = ctx.classes.get(certificate.class)?.expiresInWords ?? '';
    return { file, replacement, face, issuer: ctx.program.issuer, letter: coverLetter(file, replacement, ctx.program.issuer, expires, options.today, approvedBond(file)?.premium ?? null) };
  });
  const names = [`${prepared.replacement.number}-REPLACEMENT-${prepared.file.certificate.number}.pdf`, `${prepared.replacement.number}-cover-letter.pdf`];
  const [certificateFile, letterFile] = names.map((n) => path.join(folder, n)) as [string, string];
  const taken = [certificateFile, letterFile].filter((f) => existsSync(f));
  if (taken.length > 0) throw new DeskFailure('CONFLICT', `${taken.map((f) => path.basename(f)).join(' and ')} already in that folder: choose another (nothing was printed or recorded)`);
  try {
    const input: PrintCertificatesInput = { file: certificateFile, title: `${prepared.issuer} — ${prepared.replacement.number} REPLACEMENT`, faces: [prepared.face] };
    await runJob<PrintCertificatesInput, PrintCertificatesOutput>('print-certificates', input, { signal: options.signal });
    await runJob<PrintLetterInput, { bytes: number }>('print-letter', { file: letterFile, letter: prepared.letter }, { signal: options.signal });
    await store.change(by, 'lost.replacementPrinted', async (tx, at) => {
      await tx.certificates.addEvent({ certificateId: prepared.replacement.certificateId, at, kind: 'printed', detail: { replacement: true, replaces: prepared.file.certificate.number, files: names }, createdBy: by.id });
      return { payload: { caseId, number: prepared.replacement.number, replaces: prepared.file.certificate.number, folder, files: names }, result: null };
    });
  } catch (error) {
    // Paper the journal does not know of must not remain (both names were free before this run).
    for (const f of [certificateFile, letterFile]) rmSync(f, { force: true });
    throw error;
  }
  return { files: names, number: prepared.replacement.number };
}
