import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { SessionUser } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { writeRegister, XO_CUSIP } from '../testing/xo-register-fixture';

let f: DeskFixture;
let programId: number;

beforeEach(async () => {
  f = await staffedDesk();
  f.clock.setWallClock('2003-11-20T15:00:00.000Z');
  const sue: SessionUser = await f.signInAs('sue');
  programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON });
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    await writeRegister(store, { programId, supervisor: sue });
  } finally {
    await store.close();
  }
  await f.desk.whenFinished((await f.value('certificates.issue', { programId })).jobId); // issuing is a job
});
afterEach(async () => f.close());

const affidavit = { received: true, ownerName: 'Nguyễn Văn An', tinLast4: '6789', address: '77 Bellaire Blvd, Houston TX', rights: 999, notEndorsedOrPledged: true };
const newCase = { kind: 'lost' as const, discoveredOn: '2003-11-19', circumstances: 'Lost in a house move last week', affidavit };

describe('the lost-certificate channels', () => {
  it('take a clerk and a supervisor from the stop to a printed replacement, each role where it belongs', async () => {
    await f.signInAs('carl');
    await f.refused('lost.openCase', { programId, certificateNumber: 'RT-4', ...newCase }, 'INVALID_INPUT', 'certificateNumber');
    await f.refused('lost.openCase', { programId, certificateNumber: 'RT-000004', ...newCase, affidavit: { ...affidavit, tinLast4: '123-45-6789' } }, 'INVALID_INPUT', 'affidavit.tinLast4');
    const opened = await f.value('lost.openCase', { programId, certificateNumber: 'rt-000004', ...newCase });
    expect(opened).toMatchObject({ certificateNumber: 'RT-000004', status: 'open' });
    expect(await f.value('certificates.detail', { certificateId: opened.certificateId })).toMatchObject({ events: [{ kind: 'stopped' }] });
    await f.refused('lost.setSettings', { programId, bondRate: '0.02', minimumPremium: '25', valuePerRight: '1.255', processingFee: '15', reason: 'Surety quote for XO' }, 'FORBIDDEN');
    await f.signInAs('sue');
    await f.value('lost.setSettings', { programId, bondRate: '0.02', minimumPremium: '25', valuePerRight: '1.255', processingFee: '15', reason: 'Surety quote for XO' });
    await f.signInAs('carl');
    const bonded = await f.value('lost.keyBond', { caseId: opened.id, expenses: '0', paymentReceived: '40.07', surety: 'Hartford Casualty', bondReference: 'B-1' });
    const bondId = bonded.bonds[0]?.id ?? 0;
    await f.refused('lost.approveBond', { caseId: opened.id, bondId }, 'FORBIDDEN');
    await f.signInAs('sue');
    expect(await f.value('lost.approveBond', { caseId: opened.id, bondId })).toMatchObject({ status: 'ready to replace' });
    await f.signInAs('carl');
    const replaced = await f.value('lost.replace', { caseId: opened.id });
    expect(replaced.replacement).toMatchObject({ number: 'RT-000008', firmRights: 999 });
    expect((await f.value('lost.cases', { programId })).map((c) => [c.certificateNumber, c.status])).toEqual([['RT-000004', 'replaced']]);
    expect((await f.value('lost.deadlines', { programId })).map((d) => d.what)).toEqual(['Form X-17F-1A: report the lost certificate']);

    f.chooseFolder(f.dir.dir);
    const job = await f.value('lost.printReplacement', { caseId: opened.id });
    expect(await f.desk.whenFinished(job.jobId)).toMatchObject({ state: 'done' });
    expect(readdirSync(f.dir.dir).filter((n) => n.endsWith('.pdf')).sort()).toEqual(['RT-000008-REPLACEMENT-RT-000004.pdf', 'RT-000008-cover-letter.pdf']);

    f.chooseSave(`${f.dir.dir}/report.json`);
    expect(await f.value('lost.exportReport', { caseId: opened.id, reportType: 'initial' })).toEqual({ fileName: 'report.json' });
    expect(JSON.parse(readFileSync(`${f.dir.dir}/report.json`, 'utf8'))).toMatchObject({ form: 'X-17F-1A', certificateNumber: 'RT-000004', category: 'lost', dueDate: '2003-11-21' });
    await f.value('lost.recordReport', { caseId: opened.id, reportType: 'initial', filedOn: '2003-11-20', confirmation: 'SIC-1' });
    expect(await f.value('lost.deadlines', { programId })).toEqual([]);
  });
});
