import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { openEnvelope, rightsIntakeBook, type IntakeBook } from '../../testing/intake-more-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { listDtcInstructions } from './dtc';
import { importDtcFile } from './dtc-import';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let envelopeId: number;
let dir: string;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await rightsIntakeBook(store);
  ({ envelopeId } = await openEnvelope(store, book, '2003-12-01T10:15', 'dtc'));
  dir = mkdtempSync(path.join(tmpdir(), 'dtc-import-'));
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await kit.cleanup();
});

const HEADER = 'voi_number,participant_number,participant_name,certificate,rights_surrendered,basic_shares,oversubscription_shares,amount,settled,certified,owner_reference,owner_record_date_holding,owner_basic_exercised,owner_oversubscription_requested';
const file = (name: string, lines: readonly string[]) => {
  const f = path.join(dir, name);
  writeFileSync(f, [HEADER, ...lines].join('\r\n') + '\r\n');
  return f;
};
const journal = () => store.read((r) => r.journal.count());

describe('DTC instruction file', () => {
  it('imports every instruction with its certification lines (repeated rows) in one change, journaled with the file’s SHA-256', async () => {
    const f = file('asop-2003-12-01.csv', [
      '0012345,0352,"Example Securities, LLC",RT-000008,1000,1000,200,6000.00,Y,Y,BO-1,600,600,150',
      '0012345,0352,"Example Securities, LLC",RT-000008,1000,1000,200,6000.00,Y,Y,BO-2,400,400,50',
      '0012346,0005,Second Bank,RT-000008,300,300,0,1500.00,N,N,,,,',
    ]);
    const before = await journal();
    const r = await importDtcFile(store, book.supervisor, envelopeId, f);
    expect(r).toMatchObject({ committed: true, rows: 3, instructions: 2, problems: [] });
    expect(r.sha256).toBe(createHash('sha256').update((await import('node:fs')).readFileSync(f)).digest('hex'));
    expect(await journal()).toBe(before + 1);
    const list = await listDtcInstructions(store, book.programId);
    expect(list.map((i) => [i.voiNumber, i.participantName, i.rightsSurrendered, i.lines, i.certified])).toEqual([
      ['0012346', 'Second Bank', 300, 0, false],
      ['0012345', 'Example Securities, LLC', 1000, 2, true],
    ]);
    const last = await store.read(async (rr) => (await rr.journal.list({ limit: 1 }))[0]);
    expect(last).toMatchObject({ action: 'intake.dtcInstructionsImported' });
  });

  it('names every bad row by line, column and problem, and writes nothing', async () => {
    const f = file('bad.csv', [
      '0012345,0352,Example,RT-000008,1000,1000,0,6000.00,Y,Y,,,,',
      '0012345,0352,Example,RT-000008,999,1000,0,6000.00,Y,Y,BO-1,1,1,0',
      '0012347,35x,Example,RT-000008,ten,10,0,0.00,maybe,Y,,,,',
      '0012348,0352,Example,RT-000004,10,10,0,50.00,Y,Y,,,,',
      '0012349,0352,Example,RT-000008,60000,10,0,50.00,Y,Y,,,,',
    ]);
    const before = await journal();
    const first = await importDtcFile(store, book.supervisor, envelopeId, f);
    expect(first.committed).toBe(false);
    expect(first.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'rights_surrendered', 'INCONSISTENT_INSTRUCTION'],
      [4, 'amount', 'BAD_AMOUNT'],
      [4, 'participant_number', 'MALFORMED'],
      [4, 'rights_surrendered', 'NOT_A_NUMBER'],
      [4, 'settled', 'BAD_FLAG'],
    ]);
    // Rows that read well are then checked against the book, still all or nothing.
    const second = await importDtcFile(store, book.supervisor, envelopeId, file('book.csv', [
      '0012345,0352,Example,RT-000008,1000,1000,0,5000.00,Y,Y,,,,',
      '0012348,0352,Example,RT-000004,10,10,0,50.00,Y,Y,,,,',
      '0012349,0352,Example,RT-000008,49500,10,0,50.00,Y,Y,,,,',
    ]));
    expect(second.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'certificate', 'NOT_A_NOMINEE_POSITION'],
      [4, 'rights_surrendered', 'EXCEEDS_POSITION'],
    ]);
    expect(second.problems[1]!.message).toContain('more than the 49000 rights left');
    expect(await journal()).toBe(before);
    expect(await listDtcInstructions(store, book.programId)).toEqual([]);
  });

  it('refuses a file that is not one: unknown columns, invalid UTF-8 (with its offset)', async () => {
    const bad = path.join(dir, 'x.csv');
    writeFileSync(bad, 'voi,participant\n1,2\n');
    await expect(importDtcFile(store, book.supervisor, envelopeId, bad)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'file' });
    writeFileSync(bad, Buffer.concat([Buffer.from(HEADER + '\n0012345,0352,Caf'), Buffer.from([0xc3, 0x28]), Buffer.from(',RT-000008,1,1,0,5.00,Y,Y,,,,\n')]));
    await expect(importDtcFile(store, book.supervisor, envelopeId, bad)).rejects.toThrow(/not valid UTF-8: the bytes at offset \d+/);
  });
});
