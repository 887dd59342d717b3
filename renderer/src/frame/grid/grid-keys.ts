/** Where a grid's focused row goes for a key, or null when the key does not move it. */
export function nextRowIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const page = Math.max(1, pageRows - 1);
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, last);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'PageDown':
      return Math.min(current + page, last);
    case 'PageUp':
      return Math.max(current - page, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/**
 * Type-to-find: the next row after `from` (wrapping) whose text starts with `typed`, ignoring case;
 * a longer prefix may stay on the current row. Rows not loaded (`textAt` gives undefined) are skipped.
 */
export function findRowByPrefix(typed: string, from: number, count: number, textAt: (index: number) => string | undefined): number | null {
  if (typed === '' || count === 0) return null;
  const wanted = typed.toLocaleLowerCase('en-US');
  const start = typed.length > 1 ? from : from + 1;
  for (let step = 0; step < count; step++) {
    const index = (start + step) % count;
    const text = textAt(index);
    if (text !== undefined && text.toLocaleLowerCase('en-US').startsWith(wanted)) return index;
  }
  return null;
}

/** "Row 5,012 of 100,000", as the grid announces the focused row. */
export const describePosition = (index: number, count: number): string =>
  count === 0 ? 'No rows' : `Row ${(index + 1).toLocaleString('en-US')} of ${count.toLocaleString('en-US')}`;
