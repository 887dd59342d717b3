import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addBusinessDays,
  businessDaysBetween,
  deriveExpiration,
  deriveExpirationDate,
  easterSunday,
  finalReportDue,
  guaranteedDeliveryDeadline,
  holidayOn,
  holidays,
  isBusinessDay,
  nextBusinessDay,
  nthBusinessDayAfter,
  previousBusinessDay,
  proceedsDueDate,
  splitRequestCutoff,
  type CalendarName,
} from './index';
import { addCalendarDays, weekday } from '../time';

const dates = (year: number, cal: CalendarName) => holidays(year, cal).map((h) => h.date);

describe('NYSE calendar', () => {
  it('2024 holidays are exactly the published list', () => {
    expect(dates(2024, 'NYSE')).toEqual([
      '2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19',
      '2024-07-04', '2024-09-02', '2024-11-28', '2024-12-25',
    ]);
  });
  it('2003 holidays (the XO year): no Juneteenth, MLK Day, Good Friday April 18', () => {
    expect(dates(2003, 'NYSE')).toEqual([
      '2003-01-01', '2003-01-20', '2003-02-17', '2003-04-18', '2003-05-26', '2003-07-04',
      '2003-09-01', '2003-11-27', '2003-12-25',
    ]);
  });
  it('Good Friday closes the NYSE but not the Federal Reserve', () => {
    expect(isBusinessDay('2024-03-29', 'NYSE')).toBe(false);
    expect(holidayOn('2024-03-29', 'NYSE')?.name).toBe('Good Friday');
    expect(isBusinessDay('2024-03-29', 'FED')).toBe(true);
  });
  it('a Saturday holiday is observed the Friday before, except New Year’s Day', () => {
    expect(holidayOn('2015-07-03', 'NYSE')?.observed).toBe(true); // July 4, 2015 was a Saturday
    expect(isBusinessDay('2021-12-31', 'NYSE')).toBe(true); // Jan 1, 2022 was a Saturday
    expect(isBusinessDay('2021-12-24', 'NYSE')).toBe(false); // Christmas 2021 was a Saturday
    expect(isBusinessDay('2022-06-17', 'NYSE')).toBe(true); // Juneteenth 2022 was a Sunday ⇒ Monday
    expect(isBusinessDay('2022-06-20', 'NYSE')).toBe(false);
  });
  it('a Sunday holiday is observed the Monday after', () => {
    expect(isBusinessDay('2023-01-02', 'NYSE')).toBe(false);
    expect(isBusinessDay('2022-12-26', 'NYSE')).toBe(false);
  });
  it('Juneteenth from 2022 only', () => {
    expect(isBusinessDay('2021-06-18', 'NYSE')).toBe(true);
    expect(isBusinessDay('2021-06-18', 'FED')).toBe(true);
    expect(isBusinessDay('2023-06-19', 'NYSE')).toBe(false);
    expect(isBusinessDay('2023-06-19', 'FED')).toBe(false);
  });
  it('Martin Luther King Day closes the NYSE from 1998 only', () => {
    expect(isBusinessDay('1997-01-20', 'NYSE')).toBe(true);
    expect(isBusinessDay('1998-01-19', 'NYSE')).toBe(false);
  });
  it('past special closures: 9/11, Reagan, Ford, Sandy, Bush, Carter', () => {
    for (const d of ['2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14', '2004-06-11', '2007-01-02', '2012-10-29', '2012-10-30', '2018-12-05', '2025-01-09']) {
      expect(isBusinessDay(d, 'NYSE'), d).toBe(false);
      expect(holidayOn(d, 'NYSE')?.special, d).toBe(true);
    }
    expect(isBusinessDay('2001-09-17', 'NYSE')).toBe(true);
    expect(isBusinessDay('2018-12-05', 'FED')).toBe(true);
  });
});

describe('Federal Reserve calendar', () => {
  it('2024 holidays are exactly the published list (Columbus Day and Veterans Day, no Good Friday)', () => {
    expect(dates(2024, 'FED')).toEqual([
      '2024-01-01', '2024-01-15', '2024-02-19', '2024-05-27', '2024-06-19', '2024-07-04',
      '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25',
    ]);
  });
  it('Columbus Day and Veterans Day close the Fed but not the NYSE', () => {
    expect(isBusinessDay('2024-10-14', 'FED')).toBe(false);
    expect(isBusinessDay('2024-10-14', 'NYSE')).toBe(true);
    expect(isBusinessDay('2024-11-11', 'FED')).toBe(false);
    expect(isBusinessDay('2024-11-11', 'NYSE')).toBe(true);
  });
  it('a Saturday holiday is not observed by the Fed; a Sunday one moves to Monday', () => {
    expect(isBusinessDay('2023-11-10', 'FED')).toBe(true); // Veterans Day 2023 was a Saturday
    expect(isBusinessDay('2021-12-31', 'FED')).toBe(true);
    expect(isBusinessDay('2021-12-24', 'FED')).toBe(true); // Christmas 2021 (Saturday): Fed open Friday
    expect(isBusinessDay('2018-11-12', 'FED')).toBe(false); // Veterans Day 2018 was a Sunday
  });
  it('NYSE+FED is closed when either is', () => {
    expect(isBusinessDay('2024-03-29', 'NYSE+FED')).toBe(false);
    expect(isBusinessDay('2024-10-14', 'NYSE+FED')).toBe(false);
    expect(isBusinessDay('2024-10-15', 'NYSE+FED')).toBe(true);
  });
});

describe('business-day arithmetic', () => {
  it('Easter dates', () => {
    expect(easterSunday(2003)).toBe('2003-04-20');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
  it('addBusinessDays skips weekends and holidays in both directions', () => {
    expect(addBusinessDays('2003-12-24', 1, 'NYSE')).toBe('2003-12-26');
    expect(addBusinessDays('2003-12-26', -1, 'NYSE')).toBe('2003-12-24');
    expect(addBusinessDays('2024-10-11', 1, 'FED')).toBe('2024-10-15');
    expect(addBusinessDays('2024-10-11', 1, 'NYSE')).toBe('2024-10-14');
    expect(addBusinessDays('2003-12-06', 0, 'NYSE')).toBe('2003-12-06');
    expect(nextBusinessDay('2003-12-06', 'NYSE')).toBe('2003-12-08');
    expect(previousBusinessDay('2003-12-08', 'NYSE')).toBe('2003-12-05');
    expect(nthBusinessDayAfter('2003-12-08', 7, 'NYSE')).toBe('2003-12-17');
    expect(() => nthBusinessDayAfter('2003-12-08', 0, 'NYSE')).toThrow();
  });
  it('years outside 1980–2199 are refused, not guessed', () => {
    expect(() => isBusinessDay('1970-01-02', 'NYSE')).toThrow(RangeError);
  });
  it('property: addBusinessDays lands on a business day and businessDaysBetween counts it back (2,000 runs)', () => {
    const cal = fc.constantFrom<CalendarName>('NYSE', 'FED', 'NYSE+FED');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 60 }), fc.integer({ min: -40, max: 40 }), cal, (offset, n, c) => {
        const start = addCalendarDays('1985-01-01', offset);
        const end = addBusinessDays(start, n, c);
        if (n !== 0) expect(isBusinessDay(end, c)).toBe(true);
        expect(businessDaysBetween(start, end, c)).toBe(n);
        expect(weekday(end) === 0 || weekday(end) === 6).toBe(n === 0 && (weekday(start) === 0 || weekday(start) === 6));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('derived dates (recitals, §2b, §6c, §10)', () => {
  it('recitals expiration: first business day after the 29th day after issue, 5:00 p.m. (XO: issued 2003-11-07 ⇒ 2003-12-08T17:00)', () => {
    expect(addCalendarDays('2003-11-07', 29)).toBe('2003-12-06'); // a Saturday
    expect(deriveExpirationDate('2003-11-07')).toBe('2003-12-08');
    expect(deriveExpiration('2003-11-07')).toBe('2003-12-08T17:00');
    // The 29th day itself is never the expiration, even when it is a business day.
    expect(deriveExpirationDate('2003-11-06')).toBe('2003-12-08'); // 29th day = Fri 2003-12-05
  });
  it('recitals expiration skips holidays of the named calendar', () => {
    // 29 days after 2024-09-12 is Fri 2024-10-11; next: NYSE Mon 10-14, Fed (Columbus Day) Tue 10-15.
    expect(deriveExpiration('2024-09-12', 'NYSE')).toBe('2024-10-14T17:00');
    expect(deriveExpiration('2024-09-12', 'FED')).toBe('2024-10-15T17:00');
  });
  it('§2b nominee split requests: by 5:00 p.m. five business days before expiration', () => {
    expect(splitRequestCutoff('2003-12-08T17:00')).toBe('2003-12-01T17:00');
    // Across Thanksgiving 2003 (Thu 11-27):
    expect(splitRequestCutoff('2003-12-03T17:00')).toBe('2003-11-25T17:00');
  });
  it('§6c proceeds due: 15 business days after the later expiration (Christmas skipped)', () => {
    expect(proceedsDueDate(['2003-12-08T17:00'])).toBe('2003-12-30');
    expect(proceedsDueDate(['2003-12-01T17:00', '2003-12-08T17:00'])).toBe('2003-12-30');
  });
  it('§10 final certified report: 5:00 p.m. on the 7th business day after expiration', () => {
    expect(finalReportDue('2003-12-08T17:00')).toBe('2003-12-17T17:00');
  });
  it('§5b guaranteed delivery (where allowed): certificate within n business days', () => {
    expect(guaranteedDeliveryDeadline('2003-12-08T17:00', 3)).toBe('2003-12-11T17:00');
  });
});
