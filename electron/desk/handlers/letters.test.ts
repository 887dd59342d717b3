import { mkdirSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { LettersPrintedView } from '../../../shared/ipc/letters';
import type { SessionUser } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import type { BookStore } from '../store/port';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { addEnvelope, keyElection, openBatch, XO_REGISTER_WITH_TIN, type IntakeBook } from '../testing/intake-rows-fixture';
import { pdfText } from '../testing/pdf-tools';
import { writeRegister, XO_CUSIP } from '../testing/xo-register-fixture';

let f: DeskFixture;
let book: IntakeBook;
let unsigned: number;

async function onBook<T>(body: (store: BookStore) => Promise<T>): Promise<T> {
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  f = await staffedDesk();
  f.clock.setWallClock('2003-12-03T15:00:00.000Z'); // before the XO expiration
  const sue: SessionUser = await f.signInAs('sue');
  const programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON });
  await onBook((store) => writeRegister(store, { programId, supervisor: sue }, XO_REGISTER_WITH_TIN));
  expect(await f.desk.whenFinished((await f.value('certificates.issue', { programId })).jobId)).toMatchObject({ state: 'done' });
  await onBook(async (store) => {
    const certificates = await store.read((r) => r.certificates.list(programId, {}, 0, 100));
    book = { programId, supervisor: sue, certificates: new Map(certificates.map((c) => [c.number, c])) };
    const batchId = await openBatch(store, book);
    const envelopeId = await addEnvelope(store, book, batchId, { seq: 1, itemCount: 1, stampedLocal: '2003-12-01T10:15' });
    unsigned = await keyElection(store, book, { batchId, envelopeId }, { certificate: 'RT-000002', basicShares: 10, facts: { signed: false }, payments: [{ method: 'money-order', amount: '50.00' }] });
  });
  await f.signInAs('carl');
});
afterEach(async () => f.close());

describe('letters channels', () => {
  it('let a clerk print one letter where main’s save dialog chose, as a job, and list it', async () => {
    f.chooseSave(f.dir.file('letter.pdf'));
    const { jobId } = await f.value('letters.print', { programId: book.programId, item: { kind: 'election', id: unsigned }, letter: 'deficiency' });
    const job = await f.desk.whenFinished(jobId);
    expect(job).toMatchObject({ state: 'done', kind: 'letters.print', startedBy: 'carl', result: { letters: 1, pages: 1, files: [{ fileName: 'letter.pdf', letters: 1 }] } });
    const text = pdfText(f.dir.file('letter.pdf'));
    expect(text).toContain('The election form is not signed');
    expect(text).toContain('TIN XXX-XX-6789');
    const list = await f.value('letters.list', { programId: book.programId });
    const sha = (job.result as LettersPrintedView).files[0]!.sha256;
    expect(list.letters).toEqual([expect.objectContaining({ kind: 'deficiency', concerning: `Election ${unsigned}`, printedBy: 'carl', decisionId: null, fileSha256: sha })]);
    expect(list.due).toEqual({ cure: 0, rejection: 0, foreignHolder: 2 });
  });

  it('print the foreign-holder letters in bulk into the folder main chose, then find none due', async () => {
    const folder = f.dir.file('out');
    mkdirSync(folder);
    f.chooseFolder(folder);
    const job = await f.desk.whenFinished((await f.value('letters.print', { programId: book.programId, bulk: 'foreign-holder' })).jobId);
    expect(job).toMatchObject({ state: 'done', result: { letters: 2, pages: 2 } });
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^983764176-foreign-holder-letters-2003-12-03-1000\.pdf$/)]);
    expect((await f.value('letters.list', { programId: book.programId })).due.foreignHolder).toBe(0);
    f.chooseFolder(folder);
    const again = await f.desk.whenFinished((await f.value('letters.print', { programId: book.programId, bulk: 'foreign-holder' })).jobId);
    expect(again).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', message: expect.stringContaining('No foreign-holder letter is due') } });
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('refuse, in words and before any dialog, what is not called for; validate every input; record nothing', async () => {
    const before = await f.journalCount();
    const refusal = await f.refused('letters.print', { programId: book.programId, item: { kind: 'election', id: unsigned }, letter: 'rejection' }, 'CONFLICT', 'letter');
    expect(refusal.message).toContain('has not been rejected');
    await f.refused('letters.print', { programId: book.programId, item: { kind: 'election', id: 999 }, letter: 'deficiency' }, 'NOT_FOUND', 'item');
    await f.refused('letters.print', { programId: book.programId, item: { kind: 'election', id: unsigned }, letter: 'deficiency' }, 'CANCELLED'); // no file chosen
    await f.refused('letters.print', { programId: book.programId, bulk: 'cure' }, 'CANCELLED'); // no folder chosen
    await f.refused('letters.print', { programId: book.programId, bulk: 'deficiency' }, 'INVALID_INPUT', 'bulk');
    await f.refused('letters.print', { programId: book.programId, item: { kind: 'election', id: unsigned }, letter: 'cure', bulk: 'cure' }, 'INVALID_INPUT', 'bulk');
    await f.refused('letters.print', { programId: book.programId, letter: 'cure' }, 'INVALID_INPUT', 'item');
    await f.refused('letters.print', { programId: book.programId, item: { kind: 'certificate', id: 1 }, letter: 'cure' }, 'INVALID_INPUT');
    await f.refused('letters.print', { programId: 0, bulk: 'cure' }, 'INVALID_INPUT', 'programId');
    await f.refused('letters.list', { programId: 999 }, 'NOT_FOUND', 'programId');
    expect(await f.journalCount()).toBe(before);
    await f.value('session.signOut', {});
    await f.refused('letters.list', { programId: book.programId }, 'NOT_SIGNED_IN');
  });
});
