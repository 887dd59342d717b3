import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { describePosition, findRowByPrefix, nextRowIndex } from './grid-keys';

export interface GridColumn<Row> {
  readonly id: string;
  readonly header: ReactNode;
  readonly cell: (row: Row, active: boolean) => ReactNode;
  /** The column's text, for type-to-find on the first column. */
  readonly text?: (row: Row) => string;
  readonly className?: string;
}

/** Where a grid's rows come from: all in memory, or fetched by window as the viewport moves. */
export interface GridSource<Row> {
  readonly rowCount: number;
  /** The row at an index, or undefined while its window is loading. */
  rowAt(index: number): Row | undefined;
  keyOf(row: Row): string | number;
  /** Where the row with this key is now (after a refresh), or null when it is gone. */
  indexOfKey(key: string | number): number | null;
  /** Told which rows are on screen, so that the source fetches around them. */
  onRange?(first: number, last: number): void;
}

interface GridProps<Row> {
  readonly ref?: Ref<HTMLTableElement>;
  /** The grid's name; screen readers hear it with the row count ("Programs, 2"). */
  readonly label: string;
  readonly columns: readonly GridColumn<Row>[];
  readonly source: GridSource<Row>;
  readonly onOpen?: (row: Row) => void;
  /** A further key on the focused row (e.g. Alt+P): true when it was taken. */
  readonly onRowKey?: (e: KeyboardEvent<HTMLTableElement>, row: Row) => boolean;
  readonly emptyText: string;
  readonly className?: string;
  readonly rowClassName?: (row: Row) => string | undefined;
}

const ROW_HEIGHT = 30;
const TYPE_AHEAD_MS = 1000;

/**
 * The one list of the desk: virtualized (only the rows on screen are in the page), moved through
 * with the keys, opened with Enter, announced to screen readers with its position.
 */
export function Grid<Row>({ ref, label, columns, source, onOpen, onRowKey, emptyText, className, rowClassName }: GridProps<Row>) {
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ index: number; key: string | number | null }>({ index: 0, key: null });
  const [announced, setAnnounced] = useState('');
  const typed = useRef({ text: '', at: 0 });
  const count = source.rowCount;

  // The focused row follows its key across refreshes (rows added above it, a re-sort).
  const keyed = active.key === null ? null : source.indexOfKey(active.key);
  const current = Math.min(Math.max(keyed ?? active.index, 0), Math.max(count - 1, 0));
  const currentRow = count > 0 ? source.rowAt(current) : undefined;

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (count > 0) source.onRange?.(first, last);
  }, [source, first, last, count]);

  // A row reached before its window had loaded gets its key once it arrives.
  useEffect(() => {
    if (active.key === null && currentRow !== undefined) setActive({ index: current, key: source.keyOf(currentRow) });
  }, [active.key, current, currentRow, source]);

  const moveTo = (index: number) => {
    const row = source.rowAt(index);
    setActive({ index, key: row === undefined ? null : source.keyOf(row) });
    setAnnounced(describePosition(index, count));
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const typeToFind = (char: string) => {
    const now = Date.now();
    const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + char : char;
    typed.current = { text, at: now };
    const firstColumn = columns[0];
    const found = findRowByPrefix(text, current, count, (i) => {
      const row = source.rowAt(i);
      return row === undefined ? undefined : (firstColumn?.text?.(row) ?? '');
    });
    if (found !== null) moveTo(found);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.target !== e.currentTarget) return; // a button in a row keeps its own keys
    if (currentRow !== undefined && onRowKey?.(e, currentRow)) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      if (currentRow !== undefined) onOpen?.(currentRow);
      return;
    }
    const pageRows = Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT);
    const next = e.altKey || e.ctrlKey || e.metaKey ? null : nextRowIndex(e.key, current, count, pageRows);
    if (next !== null) {
      e.preventDefault();
      moveTo(next);
      return;
    }
    if (e.key.length === 1 && e.key !== ' ' && !e.altKey && !e.ctrlKey && !e.metaKey && e.key !== '/') {
      e.preventDefault();
      typeToFind(e.key);
    }
  };

  if (count === 0) return <p className="notice">{emptyText}</p>;

  const rowId = (i: number) => `${baseId}-row-${i}`;
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="grid-frame">
      <div ref={scrollRef} className="grid-scroll">
        <table
          ref={ref}
          className={className ? `grid ${className}` : 'grid'}
          role="grid"
          aria-label={`${label}, ${count.toLocaleString('en-US')}`}
          aria-rowcount={count + 1}
          aria-activedescendant={rowId(current)}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {before > 0 ? <Spacer height={before} span={columns.length} /> : null}
            {items.map((item) => {
              const row = source.rowAt(item.index);
              const selected = item.index === current;
              const extra = row === undefined ? undefined : rowClassName?.(row);
              return (
                <tr
                  key={row === undefined ? `loading-${item.index}` : source.keyOf(row)}
                  id={rowId(item.index)}
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  className={[selected ? 'selected' : '', extra ?? ''].join(' ').trim() || undefined}
                  onClick={() => moveTo(item.index)}
                  onDoubleClick={() => row !== undefined && onOpen?.(row)}
                >
                  {row === undefined ? (
                    <td colSpan={columns.length} className="loading">
                      Loading…
                    </td>
                  ) : (
                    columns.map((c) => (
                      <td key={c.id} className={c.className}>
                        {c.cell(row, selected)}
                      </td>
                    ))
                  )}
                </tr>
              );
            })}
            {after > 0 ? <Spacer height={after} span={columns.length} /> : null}
          </tbody>
        </table>
      </div>
      <p className="grid-position" aria-live="polite">
        {announced || describePosition(current, count)}
      </p>
    </div>
  );
}

/** Stands in for the rows above or below the window, so the scroll bar tells the truth. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr className="grid-spacer" aria-hidden="true">
      {/* React sets styles through the CSSOM, which the CSP (style-src 'self') allows. */}
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}
