// Issuing the certificates of a 1,000,000-entry record-date register as the desk runs it: a job
// whose worker has its own connection to the book, reading the register twice (the totals per
// class, then the certificates) and writing every certificate in one change with its journal
// entry. Also: the longest the main thread went without running a 5 ms timer meanwhile.
// The register (the import bench's rows: names of several alphabets, joint registrations,
// foreign addresses, classes A–C) is written straight into the book first; that is not timed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { rightsOfferingTermsSchema } from '../../shared/domain/terms';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { JobProgress } from '../../shared/ipc/types';
import { JobRegistry } from '../../electron/desk/jobs/registry';
import type { IssueSummary } from '../../electron/desk/services/certificates';
import { openStore, verifyLocation } from '../../electron/desk/store/open-store';
import type { NewRegisterEntry } from '../../electron/desk/store/port';
import { writeRegister } from '../../electron/desk/testing/register-fixture-screens';
import type { IssueCertificatesInput } from '../../electron/desk/workers/issue-certificates';
import { runJob } from '../../electron/desk/workers/run-job';
import { registerRow } from '../fixtures/register/generate-register';
import { emit } from './emit';
import { watchMain } from './watch-main';

const ROWS = Number(process.env['ISSUE_BENCH_ROWS'] ?? 1_000_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'offering-desk-issue-bench-'));

/** Row n of the generated register as the import writes it (its TIN sealed: 40 bytes stand in here). */
function entryOf(n: number): NewRegisterEntry {
  const [account = '', r1 = '', r2 = '', r3 = '', r4 = '', address1 = '', address2 = '', city = '', state = '', postalCode = '', country = '', tin = '', tinType = '', cls = '', units = '', nominee = '', planShares = ''] = registerRow(n);
  const digits = tin.replace(/-/g, '');
  return {
    line: n + 2, account, registration: [r1, r2, r3, r4], address1, address2, city, state, postalCode, country,
    tinType: tinType as NewRegisterEntry['tinType'], tinLast4: digits === '' ? null : digits.slice(-4), tinEncrypted: digits === '' ? null : randomBytes(40),
    class: cls, units, nominee: nominee === 'Y' ? 'Cede & Co' : '', planShares,
  };
}

function* entries(): Generator<NewRegisterEntry> {
  for (let n = 0; n < ROWS; n += 1) yield entryOf(n);
}

try {
  const bookFile = path.join(dir, 'big.book');
  const store = await openStore(bookFile, { now: () => new Date() });
  const { actor, programId } = await store.change({ id: null, username: null }, 'bench.setup', async (tx, at) => {
    const u = await tx.users.insert({ username: 'sue', displayName: 'Bench Supervisor', role: 'supervisor', passwordHash: 'x', createdAt: at, createdBy: null });
    const p = await tx.programs.insert({ kind: 'rights-offering', name: 'Bench', issuer: 'Bench Inc.', cusip: '037833100', recordDate: '2003-10-10', createdAt: at, createdBy: u.id });
    await tx.terms.insert({ programId: p.id, version: 1, reason: 'Original terms', recordedAt: at, recordedBy: u.id, terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
    return { payload: {}, result: { actor: { id: u.id, username: u.username }, programId: p.id } };
  });
  const writing = performance.now();
  await writeRegister(store, actor, programId, entries(), { rowCount: ROWS });
  await store.checkpoint();
  const registerSeconds = Math.round(performance.now() - writing) / 1000;

  const work: IssueCertificatesInput = { location: store.locationForWorkers(), actor, programId };
  const jobs = new JobRegistry({ now: () => new Date(), unexpected: (error) => String(error) });
  const measured = await watchMain(jobs, () => jobs.start('certificates.issue', actor, (job) => runJob<IssueCertificatesInput, IssueSummary, JobProgress>('issue-certificates', work, { signal: job.signal, onProgress: job.onProgress })));
  if (measured.job.state !== 'done') throw new Error(`the issue ended ${measured.job.state}: ${measured.job.error?.message ?? ''}`);
  const summary = measured.job.result as IssueSummary;
  const inBook = await store.read((r) => r.certificates.count(programId));
  if (summary.certificates !== ROWS || inBook !== ROWS) throw new Error(`issued ${summary.certificates}, ${inBook} in the book, of ${ROWS}`);
  await store.close();
  emit('issue_1m_s', measured.seconds, 's', { entries: ROWS, certificates: inBook, held: summary.held, lastNumber: summary.lastNumber, registerWrittenFirstS: registerSeconds, includes: 'both passes (totals per class, then every certificate written) and the journal entry, in a worker on its own connection' });
  emit('main_thread_max_block_ms_during_issue_1m', measured.maxGapMs, 'ms', { timer: '5 ms setInterval', target: 50, mainCpuMsInThatGap: measured.cpuInGapMs, cores: os.cpus().length, load: os.loadavg()[0]?.toFixed(1) });

  const verifying = performance.now();
  const verified = await verifyLocation(bookFile);
  emit('verify_after_issue_1m_s', Math.round(performance.now() - verifying) / 1000, 's', { chainOk: verified.chain.ok, rowsProved: verified.rows?.proved ?? 0, rowProblems: verified.rows?.problems ?? -1 });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
