import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { CertificatesPrintResult, CertificateReprintResult } from '../../../shared/ipc/certificates';
import type { SessionUser } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { pdfText } from '../testing/pdf-tools';
import { writeRegister, XO_CUSIP } from '../testing/xo-register-fixture';

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

describe('certificates.issue', () => {
  it('is a supervisor’s: a clerk is refused; a second issue is refused in words', async () => {
    await f.signInAs('carl');
    await f.refused('certificates.issue', { programId }, 'FORBIDDEN');
    await f.signInAs('sue');
    const summary = await f.value('certificates.issue', { programId });
    expect(summary).toMatchObject({ programId, certificates: 7, held: 2, firstNumber: 'RT-000001', lastNumber: 'RT-000007', classes: { C: { certificates: 1, firmRights: 0 } } });
    const again = await f.refused('certificates.issue', { programId }, 'CONFLICT', 'programId');
    expect(again.message).toMatch(/already issued on .* by sue \(7 certificates\)/);
    await f.refused('certificates.issue', { programId: 'one' }, 'INVALID_INPUT', 'programId');
  });
});

describe('certificates.exportMailingList', () => {
  it('writes the contract’s CSV where main’s dialog says and journals the export', async () => {
    await f.refused('certificates.exportMailingList', { programId }, 'CONFLICT'); // not issued yet
    await f.value('certificates.issue', { programId });
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
    await f.value('certificates.issue', { programId });
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
    await f.value('certificates.issue', { programId });
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
    expect(job.result as CertificateReprintResult).toEqual({ fileName: 'RT-000002-DUPLICATE.pdf', number: 'RT-000002' });
    expect(pdfText(file)).toContain('DUPLICATE — reprinted 2026-03-02');
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'certificate.reprinted', username: 'sue' });
  });
});
