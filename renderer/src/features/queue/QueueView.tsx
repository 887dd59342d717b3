import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { QueueFilterInput, QueueRowView } from '../../../../shared/ipc/queue';
import type { SessionUser } from '../../../../shared/ipc/types';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useDeskQuery } from '../../frame/query';
import { formatIsoDate } from '../../lib/dates';
import { useWindowSource } from '../register/useWindowSource';
import { ItemPage } from './ItemPage';
import { QueueFilters } from './QueueFilters';

/** '2003-12-01T10:15' → '12/01/2003 10:15 ET'. */
export const formatWall = (wall: string): string => `${formatIsoDate(wall.slice(0, 10))} ${wall.slice(11, 16)} ET`;

const COLUMNS: readonly GridColumn<QueueRowView>[] = [
  { id: 'item', header: 'Item', cell: (r) => r.itemWords, text: (r) => r.itemWords },
  { id: 'certificate', header: 'Certificate', cell: (r) => r.certificate, className: 'code' },
  { id: 'holder', header: 'Holder', cell: (r) => r.holder },
  { id: 'batch', header: 'Batch', cell: (r) => r.batch },
  { id: 'received', header: 'Received (ET)', cell: (r) => formatWall(r.received).replace(/ ET$/, '') },
  { id: 'age', header: 'Age (bus. days)', cell: (r) => r.ageDays, className: 'num' },
  { id: 'clerk', header: 'Keyed by', cell: (r) => r.clerk },
  { id: 'open', header: 'Open deficiencies', cell: (r) => r.open.map((c) => c.title).join('; ') },
  { id: 'status', header: 'Status', cell: (r) => r.statusWords },
  { id: 'cureBy', header: 'Cure by', cell: (r) => (r.cureBy ? formatIsoDate(r.cureBy) : '') },
];

/** Elections keep their ids; orders count down from -1, so the two never share a key. */
const keyOf = (r: QueueRowView) => (r.ref.kind === 'election' ? r.ref.id : -r.ref.id);

/** One program's queue: the filters, the grid (oldest first), and the item opened from it. */
export function QueueView({ programId, user }: { programId: number; user: SessionUser }) {
  const [filter, setFilter] = useState<Omit<QueueFilterInput, 'programId'>>({});
  const [open, setOpen] = useState<QueueRowView | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const program = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  const key = useCallback(keyOf, []);
  const { source, total, error } = useWindowSource('queue.list', { filter: { programId, ...filter } }, key, ['journal']);
  // The filters' choices come with the first window of the list.
  const first = useDeskQuery('queue.list', { filter: { programId }, offset: 0, limit: 1 }, { topics: ['journal'] });

  // Opening the program puts the focus on its queue, where Enter opens the oldest item.
  const listed = total !== null;
  useLayoutEffect(() => {
    if (listed) grid.current?.focus();
  }, [listed]);

  const back = () => {
    setOpen(null);
    // The grid stayed mounted with its row: the focus goes back to it.
    requestAnimationFrame(() => grid.current?.focus());
  };

  return (
    <>
      <section aria-labelledby="queue-title" hidden={open !== null}>
        <h2 id="queue-title">Queue — {program.data?.name ?? `program ${programId}`}</h2>
        <QueueFilters batches={first.data?.batches ?? []} clerks={first.data?.clerks ?? []} onApply={setFilter} />
        <p className="count" aria-live="polite">
          {total === null ? '' : `${total.toLocaleString('en-US')} ${total === 1 ? 'item' : 'items'}`}
        </p>
        {error ? (
          <p className="form-problem" role="alert">
            The queue cannot be read: {error.message}
          </p>
        ) : null}
        <Grid ref={grid} label="Irregular items, oldest first" columns={COLUMNS} source={source} onOpen={setOpen} emptyText="No item matches: nothing waits for a decision here." className="queue" />
      </section>
      {open ? <ItemPage programId={programId} item={open.ref} user={user} onBack={back} /> : null}
    </>
  );
}
