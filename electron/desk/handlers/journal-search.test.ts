// The audit trail for people on both stores: filtered windows, actions in words, the CSV export.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';

let f: DeskFixture;
let xo: number;
let apple: number;
beforeEach(async () => {
  f = await staffedDesk();
  await f.signInAs('sue');
  xo = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications', cusip: '983764176', recordDate: '2003-10-10' })).id;
  f.clock.setWallClock('2026-03-03T14:00:00.000Z'); // the next day in New York
  apple = (await f.value('programs.create', { kind: 'odd-lot', name: 'Apple_odd%lot', issuer: 'Apple Inc.', cusip: '037833100', recordDate: '2003-10-10' })).id;
});
afterEach(async () => f.close());

const search = (filter: Record<string, unknown>, offset = 0, limit = 100) => f.value('journal.search', { filter, offset, limit });
const actions = async (filter: Record<string, unknown>) => (await search(filter)).rows.map((e) => e.action);

describe('journal.search', () => {
  it('keeps what every part of the filter allows, newest first, with the total', async () => {
    const all = await search({});
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.map((e) => e.seq)).toEqual([...all.rows.map((e) => e.seq)].sort((a, b) => b - a));
    expect(await actions({ username: 'sue' })).toEqual(['program.created', 'program.created', 'session.signedIn']);
    expect(await actions({ username: 'sue', action: 'program.created', programId: xo })).toEqual(['program.created']);
    expect((await search({ programId: apple })).rows.map((e) => (e.payload as { after: { name: string } }).after.name)).toEqual(['Apple_odd%lot']);
  });

  it('finds an item by text in any case, taking % and _ literally', async () => {
    expect((await search({ text: 'odd%LOT' })).total).toBe(1);
    expect((await search({ text: 'odd_lot' })).total).toBe(0);
    expect((await search({ text: '983764176' })).total).toBe(1);
  });

  it('takes New York days: an entry belongs to the day it was made there', async () => {
    const first = await search({ fromDate: '2026-03-02', toDate: '2026-03-02' });
    const second = await search({ fromDate: '2026-03-03' });
    expect(first.rows.map((e) => e.action)).toContain('book.created');
    expect(second.rows.map((e) => e.action)).toEqual(['program.created']);
    expect(first.total + second.total).toBe((await search({})).total);
  });

  it('gives windows by position for the grid', async () => {
    const all = (await search({})).rows.map((e) => e.seq);
    expect((await search({}, 2, 3)).rows.map((e) => e.seq)).toEqual(all.slice(2, 5));
  });

  it('refuses a bad filter naming the field, and clerks altogether', async () => {
    await f.refused('journal.search', { filter: { fromDate: '2026-02-30' }, offset: 0, limit: 10 }, 'INVALID_INPUT', 'filter.fromDate');
    await f.refused('journal.search', { filter: { fromDate: '2026-03-03', toDate: '2026-03-02' }, offset: 0, limit: 10 }, 'INVALID_INPUT', 'filter.toDate');
    await f.refused('journal.search', { filter: { sql: '1=1' }, offset: 0, limit: 10 }, 'INVALID_INPUT');
    await f.signInAs('carl');
    await f.refused('journal.search', { filter: {}, offset: 0, limit: 10 }, 'FORBIDDEN');
    await f.refused('journal.export', { filter: {} }, 'FORBIDDEN');
  });
});

describe('journal.actions', () => {
  it('lists the actions present in words with their counts', async () => {
    const list = await f.value('journal.actions', {});
    expect(list).toContainEqual({ action: 'program.created', words: 'Program created', entries: 2 });
    expect(list).toContainEqual({ action: 'book.created', words: 'Book created', entries: 1 });
  });
});

describe('journal.export', () => {
  it('writes what the filter keeps as CSV with New York times and words, and journals the export', async () => {
    const file = f.dir.file('audit.csv');
    f.chooseSave(file);
    expect(await f.value('journal.export', { filter: { action: 'program.created' } })).toEqual({ fileName: 'audit.csv', entries: 2 });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Entry,When (New York),When (UTC),User,What,Action,Details,Hash');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^\d+,2026-03-03 09:00,2026-03-03T14:00:00.000Z,sue,Program created,program.created,"\{""after"":\{.*Apple_odd%lot.*\}",[0-9a-f]{64}$/);
    const last = (await search({}, 0, 1)).rows[0];
    expect(last).toMatchObject({ action: 'journal.exported', username: 'sue', payload: { fileName: 'audit.csv', entries: 2, filter: { action: 'program.created' } } });
  });

  it('writes nothing and journals nothing when the dialog is cancelled', async () => {
    const before = await f.journalCount();
    await f.refused('journal.export', { filter: {} }, 'CANCELLED');
    expect(await f.journalCount()).toBe(before);
  });
});
