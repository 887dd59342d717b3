import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { CertificateIssueSummary, CertificatesPrintResult, CertificateReprintResult } from '../../../shared/ipc/certificates';
import type { JobView, SessionUser } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import type { ReadRepos } from '../store/port';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { pdfText } from '../testing/pdf-tools';
import { manyEntries, writeRegister, XO_CUSIP } from '../testing/xo-register-fixture';

let f: DeskFixture;
let programId: number;
let sue: SessionUser;

beforeEach(async () => {
  f = await staffedDesk();
  sue = await f.signInAs('sue');
  programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON });
  // The register as an import writes it, through a second connection to the same book.
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    await writeRegister(store, { programId, supervisor: sue });
  } finally {
    await store.close();
  }
});
afterEach(async () => f.close());

async function finished(started: { jobId: number }) {
  const job = await f.desk.whenFinished(started.jobId);
  return job;
}

/** Issues the program's certificates as the job the screen starts, and waits for it to end. */
async function issued(id = programId): Promise<JobView> {
  return finished(await f.value('certificates.issue', { programId: id }));
}

/** Reads the book on a connection of the test's own, as another desk would. */
async function readBook<T>(read: (r: ReadRepos) => Promise<T>): Promise<T> {
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    return await store.read(read);
  } finally {
    await store.close();
  }
}

describe('certificates.issue', () => {
  it('is a supervisor’s job: a clerk is refused; a second issue is refused in words before any job starts', async () => {
    await f.signInAs('carl');
    await f.refused('certificates.issue', { programId }, 'FORBIDDEN');
    await f.signInAs('sue');
    const job = await issued();
    expect(job).toMatchObject({ kind: 'certificates.issue', state: 'done', startedBy: 'sue', progress: { done: 7, total: 7, unit: 'certificates issued' } });
    expect(job.result as CertificateIssueSummary).toMatchObject({ programId, certificates: 7, held: 2, firstNumber: 'RT-000001', lastNumber: 'RT-000007', classes: { C: { certificates: 1, firmRights: 0 } } });
    expect(await readBook((r) => r.certificates.count(programId))).toBe(7);
    const jobsBefore = (await f.value('jobs.list', {})).length;
    const again = await f.refused('certificates.issue', { programId }, 'CONFLICT', 'programId');
    expect(again.message).toMatch(/already issued on .* by sue \(7 certificates\)/);
    expect((await f.value('jobs.list', {})).length).toBe(jobsBefore);
    await f.refused('certificates.issue', { programId: 'one' }, 'INVALID_INPUT', 'programId');
  });

  it('a register the terms cannot issue fails the job in words, issuing nothing', async () => {
    const other = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Two', issuer: 'XO Communications, Inc.', cusip: '037833100', recordDate: '2003-10-10' })).id;
    await f.value('terms.record', { programId: other, reason: 'Original terms', terms: XO_TERMS_JSON });
    const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
    try {
      await writeRegister(store, { programId: other, supervisor: sue }, manyEntries(3).map((e, i) => (i === 2 ? { ...e, class: 'Z' } : e)));
    } finally {
      await store.close();
    }
    const job = await issued(other);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', message: 'Register line 4 (account B-0000003) is of class "Z", which the program\'s current terms do not have (A, B, C, T); no certificates were issued' } });
    expect(await readBook((r) => r.certificates.issueOf(other))).toBeUndefined();
  });
});

describe('cancelling an issue', () => {
  /** A book file's bytes once its write-ahead log is folded in (null for a database). */
  const bookBytes = async (): Promise<Buffer | null> => {
    if (f.storeKind !== 'sqlite') return null;
    const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
    try {
      await store.checkpoint();
    } finally {
      await store.close();
    }
    return readFileSync(f.bookPath);
  };

  /** Everything an issue writes, and the journal's head: equal before and after means the book is as it was. */
  const snapshot = (id: number) =>
    readBook(async (r) => ({
      journal: await r.journal.count(),
      head: await r.journal.head(),
      issue: await r.certificates.issueOf(id),
      certificates: await r.certificates.count(id),
      first: await r.certificates.list(id, {}, 0, 5),
    }));

  it('mid-issue leaves the book exactly as it was, and a later issue then works', async () => {
    const big = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Big', issuer: 'XO Communications, Inc.', cusip: '037833100', recordDate: '2003-10-10' })).id;
    await f.value('terms.record', { programId: big, reason: 'Original terms', terms: XO_TERMS_JSON });
    const entries = 40_000;
    const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
    try {
      await writeRegister(store, { programId: big, supervisor: sue }, manyEntries(entries));
    } finally {
      await store.close();
    }
    const before = await snapshot(big);
    const bytesBefore = await bookBytes();
    // The cancel goes in as soon as the first page of certificates is written (inside the change).
    const seen: JobView[] = [];
    const stop = f.desk.onJob((job) => {
      seen.push(job);
      if (job.kind === 'certificates.issue' && job.state === 'running' && job.progress?.unit === 'certificates issued') void f.desk.dispatch('jobs.cancel', { jobId: job.jobId });
    });
    const job = await issued(big);
    stop();
    expect(job).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    const written = seen.filter((j) => j.progress?.unit === 'certificates issued').map((j) => j.progress?.done ?? 0);
    expect(Math.min(...written)).toBeGreaterThan(0);
    expect(Math.max(...written)).toBeLessThan(entries);
    expect(await snapshot(big)).toEqual(before);
    expect(await bookBytes()).toEqual(bytesBefore);

    const again = await issued(big);
    expect(again).toMatchObject({ state: 'done', result: { certificates: entries, lastNumber: 'RT-040000' } });
    expect(await readBook((r) => r.certificates.count(big))).toBe(entries);
  });

  it('at the last moment answers what the book holds: cancelled and unchanged, or done and issued', async () => {
    const late = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Late', issuer: 'XO Communications, Inc.', cusip: '037833100', recordDate: '2003-10-10' })).id;
    await f.value('terms.record', { programId: late, reason: 'Original terms', terms: XO_TERMS_JSON });
    const entries = 12_000;
    const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
    try {
      await writeRegister(store, { programId: late, supervisor: sue }, manyEntries(entries));
    } finally {
      await store.close();
    }
    const before = await snapshot(late);
    // The cancel goes in once the last certificate is written: while the change commits.
    const stop = f.desk.onJob((job) => {
      if (job.kind === 'certificates.issue' && job.state === 'running' && job.progress?.done === entries && job.progress.unit === 'certificates issued') void f.desk.dispatch('jobs.cancel', { jobId: job.jobId });
    });
    const job = await issued(late);
    stop();
    if (job.state === 'cancelled') expect(await snapshot(late)).toEqual(before);
    else expect(job).toMatchObject({ state: 'done', result: { programId: late, certificates: entries, lastNumber: 'RT-012000' } });
    expect(await readBook((r) => r.certificates.count(late))).toBe(job.state === 'done' ? entries : 0);
  });
});

describe('certificates.exportMailingList', () => {
  it('writes the contract’s CSV where main’s dialog says and journals the export', async () => {
    await f.refused('certificates.exportMailingList', { programId }, 'CONFLICT'); // not issued yet
    await issued();
    f.chooseSave(`${f.dir.dir}/mailing.csv`);
    expect(await f.value('certificates.exportMailingList', { programId })).toEqual({ fileName: 'mailing.csv', rows: 7 });
    const lines = readFileSync(`${f.dir.dir}/mailing.csv`, 'utf8').split('\r\n');
    expect(lines[0]).toBe('number,class,account,registration1,registration2,registration3,registration4,address1,address2,city,state,postal_code,country,firm_rights,units,held');
    expect(lines[7]).toBe('RT-000007,A,H-1005,Marie-Hélène Dubois,,,,8 rue de Rivoli,,Paris,,75004,FR,40,40,Y');
    await f.refused('certificates.exportMailingList', { programId }, 'CANCELLED'); // the dialog was cancelled
  });
});

describe('certificates.print and certificates.reprint', () => {
  it('prints as a job into the folder main chose; a clerk may print', async () => {
    await issued();
    await f.signInAs('carl');
    const folder = `${f.dir.dir}/print`;
    mkdirSync(folder);
    f.chooseFolder(folder);
    const job = await finished(await f.value('certificates.print', { programId, class: 'C' }));
    expect(job).toMatchObject({ kind: 'certificates.print', state: 'done', startedBy: 'carl', progress: { done: 2, total: 2, unit: 'pages printed' } });
    const result = job.result as CertificatesPrintResult;
    expect(result.files.map((x) => x.name)).toEqual(['983764176-C-RT-000003-RT-000003.pdf']);
    expect(readdirSync(folder)).toEqual(['983764176-C-RT-000003-RT-000003.pdf']);
    expect(pdfText(`${folder}/983764176-C-RT-000003-RT-000003.pdf`)).toContain('--1--');
    await f.refused('certificates.print', { programId, fromNumber: 'X-1' }, 'INVALID_INPUT', 'fromNumber');
    await f.refused('certificates.print', { programId }, 'CANCELLED'); // no folder chosen
  });

  it('reprints one DUPLICATE as a supervisor, with a reason', async () => {
    await issued();
    const [, second] = await (async () => {
      const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
      try {
        return await store.read((r) => r.certificates.list(programId, {}, 0, 2));
      } finally {
        await store.close();
      }
    })();
    const certificateId = second?.id ?? 0;
    await f.refused('certificates.reprint', { certificateId, reason: 'torn' }, 'INVALID_INPUT', 'reason');
    await f.signInAs('carl');
    await f.refused('certificates.reprint', { certificateId, reason: 'Original returned torn by the post office' }, 'FORBIDDEN');
    await f.signInAs('sue');
    const file = `${f.dir.dir}/RT-000002-DUPLICATE.pdf`;
    f.chooseSave(file);
    const job = await finished(await f.value('certificates.reprint', { certificateId, reason: 'Original returned torn by the post office' }));
    expect(job.state).toBe('done');
    expect(job.result as CertificateReprintResult).toEqual({ fileName: 'RT-000002-DUPLICATE.pdf', number: 'RT-000002', file });
    expect(pdfText(file)).toContain('DUPLICATE — reprinted 2026-03-02');
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'certificate.reprinted', username: 'sue' });
  });
});
