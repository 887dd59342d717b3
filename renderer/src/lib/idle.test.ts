import { describe, expect, it } from 'vitest';
import { activityReportDue, idleLockDue } from './idle';

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

describe('activityReportDue', () => {
  it('reports activity to main at most once a minute', () => {
    const start = Date.UTC(2026, 10, 2, 14, 0);
    expect(activityReportDue(start, start + 59_999)).toBe(false);
    expect(activityReportDue(start, start + 60_000)).toBe(true);
  });
});
