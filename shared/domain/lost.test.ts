import { describe, expect, it } from 'vitest';
import { bondQuote, recoveryReportDue, reportDue } from './lost';

describe('the indemnity bond premium', () => {
  it('is rate × value per right × rights, rounded to the cent half-up (a tie goes up, not to even)', () => {
    // 1,794 × 0.25 = 448.50 of market value; 1% of it is 4.485 — half-even would give 4.48.
    expect(bondQuote({ bondRate: '0.01', minimumPremium: '0.00', valuePerRight: '0.25' }, 1794)).toEqual({ marketValue: '448.50', premium: '4.49', minimumApplied: false });
  });

  it('rounds the premium from the exact value, not from the rounded market value', () => {
    // 3 × 0.335 = 1.005 (shown 1.01); 50% of the exact 1.005 is 0.5025 → 0.50, of the rounded 1.01 it would be 0.51.
    expect(bondQuote({ bondRate: '0.5', minimumPremium: '0.00', valuePerRight: '0.335' }, 3)).toEqual({ marketValue: '1.01', premium: '0.50', minimumApplied: false });
  });

  it('is never less than the minimum premium', () => {
    expect(bondQuote({ bondRate: '0.02', minimumPremium: '25.00', valuePerRight: '0.755' }, 899)).toEqual({ marketValue: '678.75', premium: '25.00', minimumApplied: true });
  });

  it('stays exact for large positions (no floating point)', () => {
    expect(bondQuote({ bondRate: '0.03', minimumPremium: '50.00', valuePerRight: '1.234567' }, 2_500_000)).toEqual({ marketValue: '3086417.50', premium: '92592.53', minimumApplied: false });
  });

  it('refuses a negative or fractional number of rights', () => {
    expect(() => bondQuote({ bondRate: '0.02', minimumPremium: '25.00', valuePerRight: '1' }, -1)).toThrow(RangeError);
    expect(() => bondQuote({ bondRate: '0.02', minimumPremium: '25.00', valuePerRight: '1' }, 1.5)).toThrow(RangeError);
  });
});

describe('Form X-17F-1A due dates (Rule 17f-1(c)(2)) in business days', () => {
  it('gives a theft one business day and a loss two, skipping weekends and the exchange’s holidays', () => {
    // Wednesday 26 November 2003; Thursday the 27th is Thanksgiving (NYSE closed).
    expect(reportDue('stolen', '2003-11-26', 'NYSE')).toBe('2003-11-28');
    expect(reportDue('lost', '2003-11-26', 'NYSE')).toBe('2003-12-01');
    expect(reportDue('destroyed', '2003-11-26', 'NYSE')).toBe('2003-12-01');
    // Friday: the next business day is Monday.
    expect(reportDue('stolen', '2003-11-21', 'NYSE')).toBe('2003-11-24');
  });

  it('has nothing to report for a mutilated certificate held by the agent, and a recovery within one business day', () => {
    expect(reportDue('mutilated', '2003-11-26', 'NYSE')).toBeNull();
    expect(recoveryReportDue('2003-12-05', 'NYSE')).toBe('2003-12-08');
  });
});
