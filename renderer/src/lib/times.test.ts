import { describe, expect, it } from 'vitest';
import { formatClock, normalizeKeyedTime, parseKeyedTime } from './times';

describe('New York times as keyed', () => {
  it('reads HHMM, HH:MM and a.m./p.m.', () => {
    expect(parseKeyedTime('1700')).toBe('17:00');
    expect(parseKeyedTime('17:00')).toBe('17:00');
    expect(parseKeyedTime('5pm')).toBe('17:00');
    expect(parseKeyedTime('5:00 p.m.')).toBe('17:00');
    expect(parseKeyedTime('12 am')).toBe('00:00');
    expect(parseKeyedTime('930')).toBe('09:30');
    expect(parseKeyedTime('2500')).toBeNull();
    expect(parseKeyedTime('')).toBeNull();
  });
  it('shows a time the way it reads, and leaves what does not read', () => {
    expect(normalizeKeyedTime('1700')).toBe('17:00');
    expect(normalizeKeyedTime('noon')).toBe('noon');
    expect(formatClock('17:00')).toBe('5:00 p.m.');
    expect(formatClock('00:05')).toBe('12:05 a.m.');
  });
});
