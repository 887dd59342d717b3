import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { JournalEntryView } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import type { GridSource } from '../../frame/grid/Grid';
import { DeskQueryError } from '../../frame/query';
import { blocksAround, entryAt, journalBlockInput, JOURNAL_BLOCK } from './journal-window';

/** Windows far from the viewport leave the cache this long after they scroll away. */
const DROP_AFTER_MS = 15_000;

/**
 * The journal as a grid source, newest first, fetched by window: only the blocks of entries
 * around the viewport are asked for and held. Blocks of old entries never change (the journal is
 * append-only) so only the newest one listens to 'journal'; a restore ('book') refreshes all.
 */
export function useJournalSource(count: number): GridSource<JournalEntryView> {
  const call = useDesk();
  const [range, setRange] = useState<{ first: number; last: number }>({ first: 0, last: 40 });
  const blocks = useMemo(() => blocksAround(range.first, range.last, count), [range, count]);
  const newestBlock = count > 0 ? Math.floor((count - 1) / JOURNAL_BLOCK) : 0;

  const blockData = useQueries({
    queries: blocks.map((block) => {
      const input = journalBlockInput(block);
      return {
        queryKey: ['journal.list', input],
        meta: { topics: block === newestBlock ? (['journal', 'book'] as const) : (['book'] as const) },
        gcTime: DROP_AFTER_MS,
        queryFn: async () => {
          const result = await call('journal.list', input);
          if (!result.ok) throw new DeskQueryError(result.error);
          return result.value;
        },
      };
    }),
    // Structurally shared: the same array while no block's data changed.
    combine: (results) => results.map((r) => r.data),
  });

  const loaded = useMemo(() => {
    const byBlock = new Map<number, readonly JournalEntryView[]>();
    blocks.forEach((block, i) => {
      const data = blockData[i];
      if (data) byBlock.set(block, data);
    });
    return byBlock;
  }, [blocks, blockData]);

  const onRange = useCallback((first: number, last: number) => {
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, []);

  return useMemo(
    () => ({
      rowCount: count,
      rowAt: (index: number) => entryAt(loaded, count, index),
      keyOf: (entry: JournalEntryView) => entry.seq,
      indexOfKey: (seq: string | number) => (typeof seq === 'number' && seq >= 1 && seq <= count ? count - seq : null),
      onRange,
    }),
    [count, loaded, onRange],
  );
}
