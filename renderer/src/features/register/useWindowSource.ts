import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ChannelInput, ChannelResult } from '../../../../shared/ipc/channels';
import type { Topic } from '../../../../shared/ipc/topics';
import { useDesk } from '../../app/DeskContext';
import type { GridSource } from '../../frame/grid/Grid';
import { DeskQueryError } from '../../frame/query';

/** The channels that answer a window of a long list: { total, offset, rows }. */
export type WindowChannel = 'register.entries' | 'certificates.list' | 'register.heldForeign' | 'journal.search' | 'queue.list' | 'reports.holders';
export type WindowRow<C extends WindowChannel> = ChannelResult<C>['rows'][number];
type BaseInput<C extends WindowChannel> = Omit<ChannelInput<C>, 'offset' | 'limit'>;

/** Rows per fetched block: a screenful or two. */
export const BLOCK = 100;
/** Blocks far from the viewport leave the cache this long after they scroll away. */
const DROP_AFTER_MS = 15_000;

/** The blocks holding rows first…last, with one to spare either side. */
export function blocksFor(first: number, last: number, total: number | null): number[] {
  const top = Math.max(0, Math.floor(first / BLOCK) - 1);
  const maxBlock = total === null ? 0 : Math.max(0, Math.ceil(total / BLOCK) - 1);
  const bottom = Math.min(maxBlock, Math.floor(last / BLOCK) + 1);
  const blocks: number[] = [];
  for (let b = top; b <= bottom; b++) blocks.push(b);
  return blocks.length > 0 ? blocks : [0];
}

export interface WindowSource<Row> {
  readonly source: GridSource<Row>;
  /** How many rows the list has, once the desk has answered. */
  readonly total: number | null;
  readonly error: DeskQueryError | null;
}

/**
 * A long list (a million-row register) as a grid source: only the blocks of rows around the
 * viewport are asked for and held, each by its offset.
 */
export function useWindowSource<C extends WindowChannel>(channel: C, base: BaseInput<C>, keyOf: (row: WindowRow<C>) => number, topics: readonly Topic[]): WindowSource<WindowRow<C>> {
  const call = useDesk();
  const [range, setRange] = useState({ first: 0, last: 40 });
  const baseKey = JSON.stringify(base);
  const [totalSeen, setTotalSeen] = useState<{ key: string; total: number } | null>(null);
  const knownTotal = totalSeen?.key === baseKey ? totalSeen.total : null;
  const blocks = useMemo(() => blocksFor(range.first, range.last, knownTotal), [range, knownTotal]);

  const results = useQueries({
    queries: blocks.map((block) => {
      const input = { ...base, offset: block * BLOCK, limit: BLOCK } as ChannelInput<C>;
      return {
        queryKey: [channel, input],
        meta: { topics },
        gcTime: DROP_AFTER_MS,
        queryFn: async () => {
          const result = await call(channel, input);
          if (!result.ok) throw new DeskQueryError(result.error);
          return result.value as ChannelResult<C>;
        },
      };
    }),
    combine: (all) => all.map((r) => ({ data: r.data, error: r.error })),
  });

  const total = results.find((r) => r.data !== undefined)?.data?.total ?? knownTotal;
  if (total !== null && total !== knownTotal) setTotalSeen({ key: baseKey, total });
  const error = results.find((r) => r.error)?.error ?? null;

  const loaded = useMemo(() => {
    const rows = new Map<number, WindowRow<C>>();
    const indexByKey = new Map<number, number>();
    for (const r of results) {
      const data = r.data;
      if (!data) continue;
      (data.rows as readonly WindowRow<C>[]).forEach((row, i) => {
        rows.set(data.offset + i, row);
        indexByKey.set(keyOf(row), data.offset + i);
      });
    }
    return { rows, indexByKey };
  }, [results, keyOf]);

  const onRange = useCallback((first: number, last: number) => setRange((r) => (r.first === first && r.last === last ? r : { first, last })), []);

  const source = useMemo<GridSource<WindowRow<C>>>(
    () => ({
      rowCount: total ?? 0,
      rowAt: (index) => loaded.rows.get(index),
      keyOf,
      indexOfKey: (key) => (typeof key === 'number' ? (loaded.indexByKey.get(key) ?? null) : null),
      onRange,
    }),
    [total, loaded, keyOf, onRange],
  );
  return { source, total, error: error instanceof DeskQueryError ? error : null };
}
