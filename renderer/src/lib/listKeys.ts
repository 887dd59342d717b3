import { nextRowIndex } from '../frame/grid/grid-keys';

/** Rows a short list (find results, terms versions) moves by on Page Up / Page Down. */
const PAGE = 10;

/** Where a short list's selection goes for a key, or null when the key does not move it: the grid's rule with a fixed page. */
export const nextRow = (key: string, current: number, count: number): number | null => nextRowIndex(key, current, count, PAGE + 1);
