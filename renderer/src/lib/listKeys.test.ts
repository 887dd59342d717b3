import { describe, expect, it } from 'vitest';
import { nextRow } from './listKeys';

describe('nextRow', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(nextRow('ArrowDown', 0, 3)).toBe(1);
    expect(nextRow('ArrowDown', 2, 3)).toBe(2);
    expect(nextRow('ArrowUp', 0, 3)).toBe(0);
  });
  it('jumps a page, and to the first and last row', () => {
    expect(nextRow('PageDown', 0, 25)).toBe(10);
    expect(nextRow('PageUp', 5, 25)).toBe(0);
    expect(nextRow('Home', 7, 25)).toBe(0);
    expect(nextRow('End', 0, 25)).toBe(24);
  });
  it('ignores other keys and empty lists', () => {
    expect(nextRow('a', 0, 3)).toBeNull();
    expect(nextRow('ArrowDown', 0, 0)).toBeNull();
  });
});
