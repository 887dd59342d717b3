import { describe, expect, it } from 'vitest';
import { idleLockDue } from './idle';

describe('idleLockDue', () => {
  const start = Date.UTC(2024, 0, 2, 9, 0, 0);
  it('is not due before the limit and due at it', () => {
    expect(idleLockDue(start, start + 4 * 60_000 + 59_999, 5)).toBe(false);
    expect(idleLockDue(start, start + 5 * 60_000, 5)).toBe(true);
  });
  it('never locks when the limit is zero', () => {
    expect(idleLockDue(start, start + 10 * 3_600_000, 0)).toBe(false);
  });
});
