import { describe, expect, it } from 'vitest';
import { formatInstant, formatIsoDate, normalizeKeyedDate, parseKeyedDate } from './dates';

describe('parseKeyedDate', () => {
  it.each([
    ['031524', '2024-03-15'],
    ['03152024', '2024-03-15'],
    ['03/15/2024', '2024-03-15'],
    ['3/5/2024', '2024-03-05'],
    ['12/31/99', '1999-12-31'],
    ['010170', '1970-01-01'],
    ['123169', '2069-12-31'],
    ['2024-03-15', '2024-03-15'],
    [' 031524 ', '2024-03-15'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseKeyedDate(text, 'Record date')).toEqual({ ok: true, iso });
  });

  it('names the field when the shape is wrong', () => {
    expect(parseKeyedDate('3152024', 'Record date')).toEqual({
      ok: false,
      message: 'Record date must be MMDDYY, MMDDYYYY or MM/DD/YYYY',
    });
  });

  it('refuses a date that does not exist, naming the field and the date', () => {
    expect(parseKeyedDate('023024', 'Record date')).toEqual({
      ok: false,
      message: 'Record date: 02/30/2024 is not a real calendar date',
    });
    expect(parseKeyedDate('13/01/2024', 'Record date').ok).toBe(false);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseKeyedDate('02292024', 'D').ok).toBe(true);
    expect(parseKeyedDate('02292023', 'D').ok).toBe(false);
  });

  it('says the field is required when empty', () => {
    expect(parseKeyedDate('  ', 'Record date')).toEqual({ ok: false, message: 'Record date is required' });
  });
});

describe('formatting', () => {
  it('shows ISO dates as MM/DD/YYYY', () => {
    expect(formatIsoDate('2024-03-15')).toBe('03/15/2024');
    expect(formatIsoDate('garbage')).toBe('garbage');
  });

  it('normalizes what was keyed, and leaves unreadable text alone', () => {
    expect(normalizeKeyedDate('031524')).toBe('03/15/2024');
    expect(normalizeKeyedDate('0315')).toBe('0315');
  });
});

describe('formatInstant', () => {
  it('shows an instant in New York time, marked ET, on both sides of a daylight-saving change', () => {
    expect(formatInstant('2003-12-08T22:00:00.000Z')).toBe('12/08/2003 17:00 ET'); // EST, UTC−5
    expect(formatInstant('2024-07-01T21:00:00.000Z')).toBe('07/01/2024 17:00 ET'); // EDT, UTC−4
  });
  it('leaves text that is not an instant as it is', () => {
    expect(formatInstant('not a time')).toBe('not a time');
  });
});
