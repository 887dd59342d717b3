import { describe, expect, it } from 'vitest';
import type { JournalEntryView } from '../../../../shared/ipc/types';
import { blocksAround, entryAt, journalBlockInput, JOURNAL_BLOCK } from './journal-window';

const entry = (seq: number): JournalEntryView => ({ seq, at: '2024-01-02T15:00:00Z', username: 'ada', action: 'x', payload: null, hash: 'h' });
/** A block as journal.list returns it: newest first, at most N entries below beforeSeq. */
const blockAnswer = (block: number, count: number) => {
  const { beforeSeq, limit } = journalBlockInput(block);
  const top = Math.min(beforeSeq - 1, count);
  return Array.from({ length: Math.max(0, Math.min(limit, top)) }, (_, i) => entry(top - i));
};

describe('journal windows', () => {
  it('asks for the blocks around the viewport only, newest first', () => {
    expect(blocksAround(0, 30, 100_000)).toEqual([499, 498]);
    expect(blocksAround(99_980, 99_999, 100_000)).toEqual([1, 0]);
    expect(blocksAround(0, 10, 0)).toEqual([]);
    expect(blocksAround(0, 10, 5)).toEqual([0]);
  });

  it('maps a row to its entry: row 0 is the newest, the last row is entry 1', () => {
    const count = 100_000;
    const loaded = new Map([499, 0].map((b) => [b, blockAnswer(b, count)]));
    expect(entryAt(loaded, count, 0)?.seq).toBe(100_000);
    expect(entryAt(loaded, count, JOURNAL_BLOCK - 1)?.seq).toBe(100_000 - JOURNAL_BLOCK + 1);
    expect(entryAt(loaded, count, count - 1)?.seq).toBe(1);
    expect(entryAt(loaded, count, 50_000)).toBeUndefined(); // not loaded
  });

  it('keeps block queries fixed as entries arrive: a partial newest block still maps', () => {
    const count = 205;
    const loaded = new Map([1, 0].map((b) => [b, blockAnswer(b, count)]));
    expect(blocksAround(0, 20, count)).toEqual([1, 0]);
    expect(entryAt(loaded, count, 0)?.seq).toBe(205);
    expect(entryAt(loaded, count, 5)?.seq).toBe(200);
    expect(entryAt(loaded, count, 204)?.seq).toBe(1);
  });
});
