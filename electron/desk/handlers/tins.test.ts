// A supervisor reveals one TIN with a reason, on both stores; the journal keeps who and why, never the TIN.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cusipCheckDigit } from '../../../shared/domain/cusip';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { goodRow, writeRegisterCsv } from '../testing/register-fixture';

let f: DeskFixture;
let programId: number;
let entryId: number;
beforeEach(async () => {
  f = await staffedDesk();
  await f.signInAs('sue');
  const first8 = '98376417';
  programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO 2003', issuer: 'XO Communications, Inc.', cusip: first8 + cusipCheckDigit(first8), recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON as unknown as Record<string, unknown> });
  f.chooseOpen(writeRegisterCsv(f.dir.file('register.csv'), [goodRow(7), goodRow(8, { tin: '12-3456789', tin_type: 'EIN' })]));
  const { fileToken } = await f.value('register.chooseFile', {});
  const { jobId } = await f.value('register.startImport', { programId, fileToken, layout: { spec: { format: 'csv' } }, goodRowsOnly: false, dryRun: false });
  expect((await f.desk.whenFinished(jobId)).state).toBe('done');
  entryId = (await f.value('register.entries', { programId, offset: 0, limit: 10 })).rows[0]!.id;
});
afterEach(async () => f.close());

const REASON = 'Holder called to confirm the TIN on a 1099-B';

describe('register.revealTin', () => {
  it('shows a supervisor the full TIN and journals who, why and the last four only', async () => {
    const before = await f.journalCount();
    expect(await f.value('register.revealTin', { entryId, reason: REASON })).toEqual({ account: 'ACC0000007', tinType: 'SSN', tin: '123-45-1007' });
    const ein = (await f.value('register.entries', { programId, offset: 0, limit: 10 })).rows[1]!.id;
    expect((await f.value('register.revealTin', { entryId: ein, reason: REASON })).tin).toBe('12-3456789');
    expect(await f.journalCount()).toBe(before + 2);
    const [entry] = (await f.value('journal.search', { filter: { action: 'tin.revealed' }, offset: 0, limit: 1 })).rows;
    expect(entry).toMatchObject({ username: 'sue', payload: { programId, entryId: ein, account: 'ACC0000008', tinType: 'EIN', last4: '6789', reason: REASON } });
    const journal = JSON.stringify((await f.value('journal.search', { filter: {}, offset: 0, limit: 500 })).rows);
    expect(journal).not.toContain('123-45-1007');
    expect(journal).not.toContain('123451007');
  });

  it('keeps the register masked meanwhile', async () => {
    await f.value('register.revealTin', { entryId, reason: REASON });
    const holder = await f.value('register.holder', { programId, account: 'ACC0000007' });
    expect(holder.entries[0]?.maskedTin).toBe('XXX-XX-1007');
    expect(JSON.stringify(holder)).not.toContain('123-45');
  });

  it('refuses clerks, a reason too short to say why, and an entry that is not there', async () => {
    await f.refused('register.revealTin', { entryId, reason: 'because' }, 'INVALID_INPUT', 'reason');
    await f.refused('register.revealTin', { entryId: 99_999, reason: REASON }, 'NOT_FOUND', 'entryId');
    const before = await f.journalCount();
    await f.signInAs('carl');
    await f.refused('register.revealTin', { entryId, reason: REASON }, 'FORBIDDEN');
    expect(await f.journalCount()).toBe(before + 1); // carl's sign-in, nothing else
  });
});
