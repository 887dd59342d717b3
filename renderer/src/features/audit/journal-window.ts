import type { JournalEntryView } from '../../../../shared/ipc/types';

/**
 * The journal's sequence numbers run from 1 without gaps, and the grid shows them newest first:
 * row `index` is entry `count - index`. Entries are fetched in fixed blocks of sequence numbers
 * (block b holds b·N+1 … (b+1)·N), so a block's query stays the same as new entries arrive.
 */
export const JOURNAL_BLOCK = 200;

export const journalBlockInput = (block: number) => ({ beforeSeq: (block + 1) * JOURNAL_BLOCK + 1, limit: JOURNAL_BLOCK });

const blockOfSeq = (seq: number): number => Math.floor((seq - 1) / JOURNAL_BLOCK);

/** The blocks that hold rows `first`…`last` (newest first), with one block to spare either side. */
export function blocksAround(first: number, last: number, count: number): number[] {
  if (count === 0) return [];
  const newest = blockOfSeq(count);
  const top = Math.min(newest, blockOfSeq(Math.max(count - first, 1)) + 1);
  const bottom = Math.max(0, blockOfSeq(Math.max(count - last, 1)) - 1);
  const blocks: number[] = [];
  for (let b = top; b >= bottom; b--) blocks.push(b);
  return blocks;
}

/** The entry shown at row `index`, when its block is loaded. */
export function entryAt(loaded: ReadonlyMap<number, readonly JournalEntryView[]>, count: number, index: number): JournalEntryView | undefined {
  const seq = count - index;
  if (seq < 1) return undefined;
  const block = loaded.get(blockOfSeq(seq));
  const newestInBlock = block?.[0]?.seq;
  if (!block || newestInBlock === undefined) return undefined;
  const entry = block[newestInBlock - seq];
  return entry?.seq === seq ? entry : undefined;
}
