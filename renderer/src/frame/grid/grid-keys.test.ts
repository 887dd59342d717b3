import { describe, expect, it } from 'vitest';
import { describePosition, findRowByPrefix, nextRowIndex } from './grid-keys';

describe('nextRowIndex', () => {
  it('moves by one, by a page less one row, and to either end, never past them', () => {
    expect(nextRowIndex('ArrowDown', 0, 100_000, 20)).toBe(1);
    expect(nextRowIndex('ArrowUp', 0, 100_000, 20)).toBe(0);
    expect(nextRowIndex('PageDown', 5, 100_000, 20)).toBe(24);
    expect(nextRowIndex('PageUp', 5, 100_000, 20)).toBe(0);
    expect(nextRowIndex('End', 5, 100_000, 20)).toBe(99_999);
    expect(nextRowIndex('Home', 99_999, 100_000, 20)).toBe(0);
    expect(nextRowIndex('ArrowDown', 99_999, 100_000, 20)).toBe(99_999);
  });
  it('leaves other keys and empty grids alone', () => {
    expect(nextRowIndex('a', 0, 10, 5)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('findRowByPrefix', () => {
  const names = ['Apple', 'Microsoft', 'Meta', 'Oracle', 'Amazon'];
  const textAt = (i: number) => names[i];
  it('jumps to the next row starting with the letter, wrapping round', () => {
    expect(findRowByPrefix('m', 0, names.length, textAt)).toBe(1);
    expect(findRowByPrefix('m', 1, names.length, textAt)).toBe(2);
    expect(findRowByPrefix('a', 4, names.length, textAt)).toBe(0);
  });
  it('keeps the current row while a longer prefix still matches it', () => {
    expect(findRowByPrefix('mi', 1, names.length, textAt)).toBe(1);
    expect(findRowByPrefix('me', 1, names.length, textAt)).toBe(2);
  });
  it('skips rows not loaded and finds nothing when nothing matches', () => {
    expect(findRowByPrefix('m', 0, names.length, (i) => (i === 1 ? undefined : names[i]))).toBe(2);
    expect(findRowByPrefix('z', 0, names.length, textAt)).toBeNull();
  });
});

describe('describePosition', () => {
  it('counts from one with grouped digits', () => {
    expect(describePosition(5_011, 100_000)).toBe('Row 5,012 of 100,000');
    expect(describePosition(0, 0)).toBe('No rows');
  });
});
