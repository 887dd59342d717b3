import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cusipCheckDigit } from '../../../shared/domain/cusip';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { RegisterImportResult } from '../../../shared/ipc/register-import';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { goodRow, writeRegisterCsv } from '../testing/register-fixture';

let f: DeskFixture;
let programId: number;
beforeEach(async () => {
  f = await staffedDesk();
  await f.signInAs('sue');
  const first8 = '98376417';
  programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO 2003', issuer: 'XO Communications, Inc.', cusip: first8 + cusipCheckDigit(first8), recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON as unknown as Record<string, unknown> });
});
afterEach(async () => f.close());

async function choose(rows = [goodRow(1), goodRow(2, { country: 'XX' }), goodRow(3)]) {
  f.chooseOpen(writeRegisterCsv(f.dir.file(`register-${Math.random().toString(36).slice(2)}.csv`), rows));
  return f.value('register.chooseFile', {});
}

async function importJob(fileToken: string, goodRowsOnly: boolean, dryRun = false) {
  const { jobId } = await f.value('register.startImport', { programId, fileToken, layout: { spec: { format: 'csv' } }, goodRowsOnly, dryRun });
  return { jobId, job: await f.desk.whenFinished(jobId) };
}

const entries = () => f.value('book.info').then((i) => i.journalEntries);

describe('register import channels', () => {
  it('choose → import good rows as a job → result, problems page, exports as CSV and JSON', async () => {
    const chosen = await choose();
    expect(chosen).toMatchObject({ fileName: expect.stringMatching(/\.csv$/), format: 'csv', fileToken: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(chosen.preview.columns[0]).toBe('account');
    expect(chosen.preview.rows).toHaveLength(3);
    expect(JSON.stringify(chosen)).not.toContain(f.dir.dir);
    const { jobId, job } = await importJob(chosen.fileToken, true);
    expect(job).toMatchObject({ kind: 'register.import', state: 'done', startedBy: 'sue' });
    const result: RegisterImportResult = await f.value('register.importResult', { jobId });
    expect(result).toMatchObject({ committed: true, imported: 2, rejected: 1, problemCount: 1, file: { rows: 3 } });
    expect(job.result).toEqual(result);
    expect(await f.value('register.problems', { jobId, offset: 0, limit: 10 })).toEqual({ total: 1, problems: [{ line: 3, column: 'country', code: 'UNKNOWN_COUNTRY', message: 'Country "XX" is not an ISO 3166-1 alpha-2 code (such as US, CA, PL)' }] });
    f.chooseSave(f.dir.file('problems.csv'));
    expect(await f.value('register.exportReport', { jobId, format: 'csv' })).toEqual({ fileName: 'problems.csv' });
    expect(readFileSync(f.dir.file('problems.csv'), 'utf8')).toBe('line,column,code,message\r\n3,country,UNKNOWN_COUNTRY,"Country ""XX"" is not an ISO 3166-1 alpha-2 code (such as US, CA, PL)"\r\n');
    f.chooseSave(f.dir.file('report.json'));
    await f.value('register.exportReport', { jobId, format: 'json' });
    expect(JSON.parse(readFileSync(f.dir.file('report.json'), 'utf8'))).toMatchObject({ format: 'offering-desk/register-report@1', imported: 2, rejected: 1 });
  });

  it('all or nothing and the dry run write nothing; a clerk may not import', async () => {
    const before = await entries();
    const chosen = await choose();
    const refused = await importJob(chosen.fileToken, false);
    expect(refused.job.result).toMatchObject({ committed: false, imported: 0, rejected: 1 });
    const dry = await importJob((await choose([goodRow(1)])).fileToken, false, true);
    expect(dry.job.result).toMatchObject({ committed: false, imported: 0, rejected: 0 });
    expect(await entries()).toBe(before);
    await f.signInAs('carl');
    await f.refused('register.startImport', { programId, fileToken: chosen.fileToken, layout: { spec: { format: 'csv' } }, goodRowsOnly: true, dryRun: false }, 'FORBIDDEN');
  });

  it('a cancel mid-import leaves the book exactly as it was', async () => {
    const before = await entries();
    const chosen = await choose(Array.from({ length: 30_000 }, (_, i) => goodRow(i + 1)));
    const { jobId } = await f.value('register.startImport', { programId, fileToken: chosen.fileToken, layout: { spec: { format: 'csv' } }, goodRowsOnly: false, dryRun: false });
    await new Promise<void>((resolve) => {
      const off = f.desk.onJob((j) => {
        if (j.jobId === jobId && j.progress?.unit === 'rows imported') {
          off();
          resolve();
        }
      });
    });
    await f.value('jobs.cancel', { jobId });
    const job = await f.desk.whenFinished(jobId);
    expect(job.state).toBe('cancelled');
    await f.refused('register.importResult', { jobId }, 'NOT_FOUND');
    expect(await entries()).toBe(before);
  });

  it('saves and lists an issuer\'s layouts, refusing a bad one in words', async () => {
    const spec = { format: 'fixed', columns: { account: { start: 1, length: 8 } } };
    const err = await f.refused('register.saveLayout', { issuer: 'XO Communications, Inc.', name: 'Fixed', format: 'fixed', spec }, 'INVALID_INPUT', 'spec');
    expect(err.message).toBe('Layout: the layout is not valid: columns.registration1: a position is needed for registration1');
    const saved = await f.value('register.saveLayout', { issuer: 'XO Communications, Inc.', name: 'Semicolons', format: 'csv', spec: { format: 'csv', delimiter: ';' } });
    expect(saved).toMatchObject({ name: 'Semicolons', version: 1, format: 'csv', savedBy: 'sue' });
    await f.signInAs('carl');
    expect((await f.value('register.layouts', { issuer: 'XO Communications, Inc.' })).map((l) => l.name)).toEqual(['Semicolons']);
  });
});
