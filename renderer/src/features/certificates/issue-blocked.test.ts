import { describe, expect, it } from 'vitest';
import { issueBlocked } from './IssueButton';

const issue = { issuedAt: '2026-03-02T15:00:00.000Z', issuedBy: 'sue', certificates: 3, totals: {} };

describe('why Issue certificates is disabled', () => {
  it('names the reason in words, the missing register first', () => {
    expect(issueBlocked({ role: 'supervisor' }, { entries: 0, issue: null })).toBe('No register yet: import the record-date register first.');
    expect(issueBlocked({ role: 'clerk' }, { entries: 5, issue: null })).toBe('Only a supervisor issues certificates.');
    expect(issueBlocked({ role: 'admin' }, { entries: 5, issue })).toBe('Already issued 03/02/2026 10:00 ET by sue: a program is issued once.');
    expect(issueBlocked({ role: 'supervisor' }, { entries: 5, issue: null })).toBeNull();
  });
});
