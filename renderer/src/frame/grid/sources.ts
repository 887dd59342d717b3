import { useMemo } from 'react';
import type { GridSource } from './Grid';

/** A grid source over rows already in memory (short lists: programs, users). */
export function useArraySource<Row>(rows: readonly Row[], keyOf: (row: Row) => string | number): GridSource<Row> {
  return useMemo(() => {
    const index = new Map(rows.map((row, i) => [keyOf(row), i]));
    return { rowCount: rows.length, rowAt: (i) => rows[i], keyOf, indexOfKey: (key) => index.get(key) ?? null };
  }, [rows, keyOf]);
}
