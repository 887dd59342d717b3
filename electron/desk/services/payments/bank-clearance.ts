/**
 * A bank's clearance file applied to the book: every line that names one payment clears or
 * returns it (its event and ledger entry), and the file itself — its name, SHA-256, layout and
 * counts — is recorded in bank_files and the journal; all of it in one change, so a file is
 * applied whole or not at all. Lines that match nothing are reported, never applied.
 */
import { parseCents, formatCents } from '../../../../shared/domain/money';
import type { BankFileReport } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore, PaymentRecord, WriteRepos } from '../../store/port';
import { actorOf } from '../views';
import { readBankFile, type BankLine } from './bank-file';
import { resolveBankLayout } from './bank-layouts';
import { matchBankLines, type MatchCandidate, type MatchedLine } from './bank-match';
import { confirmAlone } from './clearance';
import { paymentName, statusOf } from './views';

export interface BankFileInput {
  readonly programId: number;
  readonly bank: string;
  readonly layout: string;
  /** The path main's dialog chose (never from the screen). */
  readonly file: string;
  readonly fileName: string;
}

/** The payments a file may name, with what has happened to each so far; and the same by id. */
async function candidatesOf(tx: WriteRepos, programId: number): Promise<{ candidates: MatchCandidate[]; byId: Map<number, PaymentRecord> }> {
  const payments = await tx.payments.clearable(programId);
  const events = await tx.payments.events(programId);
  const byPayment = new Map<number, { kind: 'cleared' | 'returned' }[]>();
  for (const e of events) byPayment.set(e.paymentId, [...(byPayment.get(e.paymentId) ?? []), e]);
  const candidates = payments.map((p) => {
    const status = statusOf(byPayment.get(p.id) ?? []);
    return { id: p.id, method: p.method, amount: p.amount, checkNumber: p.checkNumber, bankAccount: p.bankAccount, reference: p.reference, receivedOn: p.receiptDate, settled: status === 'received' ? null : status };
  });
  return { candidates, byId: new Map(payments.map((p) => [p.id, p])) };
}

const total = (lines: readonly MatchedLine[]) => formatCents(lines.reduce((s, l) => s + parseCents(l.amount), 0n));

async function writeMatches(tx: WriteRepos, by: SessionUser, at: string, file: { programId: number; bankFileId: number; fileName: string }, payments: ReadonlyMap<number, PaymentRecord>, matched: readonly MatchedLine[]): Promise<void> {
  if (matched.length === 0) return;
  const { programId, bankFileId, fileName } = file;
  await tx.intake.insertMany('payment_events', matched.map((m) => ({ paymentId: m.paymentId, kind: m.outcome, businessDate: m.businessDate, reason: m.reason, bankFileId, at, createdBy: by.id })));
  await tx.intake.insertMany(
    'ledger_entries',
    matched.map((m) => {
      const p = payments.get(m.paymentId)!;
      const memo = `${paymentName(p)} ${m.outcome}${m.reason ? `: ${m.reason}` : ''} (bank file ${fileName}, line ${m.line})`;
      return { programId, kind: m.outcome, method: m.method, amount: m.amount, businessDate: m.businessDate, paymentId: m.paymentId, electionId: p.electionId, memo, at, createdBy: by.id };
    }),
  );
}

/** How a job follows the work: bytes read of the file's size; a cancel stops it with the book as it was. */
export interface BankFileControl {
  readonly onProgress?: (progress: { done: number; total: number; unit: string }) => void;
  readonly signal?: AbortSignal;
}

const cancelled = () => new DeskFailure('CANCELLED', 'Reading the bank file was cancelled: nothing was applied');

/** Applies the lines read; the whole file in one change. */
function applyLines(store: BookStore, by: SessionUser, input: BankFileInput, read: { lines: readonly BankLine[]; sha256: string }, signal?: AbortSignal): Promise<BankFileReport> {
  return store.change(actorOf(by), 'payments.bankFileRead', async (tx, at) => {
    if (!(await tx.programs.byId(input.programId))) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
    const earlier = (await tx.intake.where('bank_files', 'fileSha256', read.sha256)).find((f) => f.programId === input.programId);
    if (earlier) throw new DeskFailure('CONFLICT', `This file was already read on ${earlier.readAt.slice(0, 10)} as bank file #${earlier.id} (${earlier.fileName}): nothing was applied twice`, 'file');
    const { candidates, byId } = await candidatesOf(tx, input.programId);
    const { matched, unmatched } = matchBankLines(read.lines, candidates);
    const bankFileId = await tx.intake.insert('bank_files', {
      programId: input.programId, bank: input.bank, layout: input.layout, fileName: input.fileName, fileSha256: read.sha256,
      lines: read.lines.length, matched: matched.length, unmatched: unmatched.length, readAt: at, readBy: by.id,
    });
    await writeMatches(tx, by, at, { programId: input.programId, bankFileId, fileName: input.fileName }, byId, matched);
    await confirmAlone(tx, input.programId, matched.map((m) => m.paymentId));
    // A cancel up to here rolls the whole change back.
    if (signal?.aborted) throw cancelled();
    const cleared = matched.filter((m) => m.outcome === 'cleared');
    const returned = matched.filter((m) => m.outcome === 'returned');
    const report: BankFileReport = {
      bankFileId, fileName: input.fileName, sha256: read.sha256, lines: read.lines.length, cleared: cleared.length, returned: returned.length, unmatched,
      clearedAmount: total(cleared), returnedAmount: total(returned),
    };
    const payload = {
      bankFileId, programId: input.programId, bank: input.bank, layout: input.layout, fileName: input.fileName, sha256: read.sha256, lines: read.lines.length,
      cleared: cleared.map((m) => ({ line: m.line, paymentId: m.paymentId, amount: m.amount })),
      returned: returned.map((m) => ({ line: m.line, paymentId: m.paymentId, amount: m.amount, reason: m.reason })),
      unmatched: unmatched.map((u) => ({ line: u.line, code: u.code })),
      clearedAmount: report.clearedAmount, returnedAmount: report.returnedAmount,
    };
    return { payload, result: report };
  });
}

/** Reads the file with the saved layout and applies it; a file that cannot be read changes nothing. */
export async function applyBankFile(store: BookStore, by: SessionUser, input: BankFileInput, control: BankFileControl = {}): Promise<BankFileReport> {
  const layout = await store.read((r) => resolveBankLayout(r, input.bank, input.layout));
  const { onProgress, signal } = control;
  let read;
  try {
    read = await readBankFile(input.file, input.fileName, layout.spec, (done, total) => {
      if (signal?.aborted) throw cancelled();
      onProgress?.({ done, total, unit: 'bytes' });
    });
    if (signal?.aborted) throw cancelled();
  } catch (error) {
    if (error instanceof Error && error.name.endsWith('FileError')) throw new DeskFailure('INVALID_INPUT', error.message, 'file');
    throw error;
  }
  const report = await applyLines(store, by, { ...input, layout: `${layout.name} v${layout.version}` }, read, signal);
  onProgress?.({ done: read.bytes, total: read.bytes, unit: 'bytes' });
  return report;
}
