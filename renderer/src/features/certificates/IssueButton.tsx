import { useId } from 'react';
import type { RegisterSummaryView } from '../../../../shared/ipc/register-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import { formatInstant } from '../../lib/dates';

/** Why issuing is not possible now, in words; null when it is. */
export function issueBlocked(user: Pick<SessionUser, 'role'>, summary: Pick<RegisterSummaryView, 'entries' | 'issue'>, available: boolean): string | null {
  if (summary.issue) return `Already issued ${formatInstant(summary.issue.issuedAt)}${summary.issue.issuedBy ? ` by ${summary.issue.issuedBy}` : ''}: a program is issued once.`;
  if (summary.entries === 0) return 'No register yet: import the record-date register first.';
  if (user.role === 'clerk') return 'Only a supervisor issues certificates.';
  if (!available) return 'Issuing from the screen is not available in this version; run `offering-desk certificates issue`.';
  return null;
}

/** Issue certificates: disabled, with the reason beside it, until the register exists (and only once). */
export function IssueButton({ user, summary }: { user: SessionUser; summary: RegisterSummaryView }) {
  const reasonId = useId();
  const reason = issueBlocked(user, summary, false);
  return (
    <div className="toolbar">
      <button type="button" disabled={reason !== null} aria-describedby={reason ? reasonId : undefined}>
        Issue certificates
      </button>
      {reason ? (
        <span id={reasonId} className="field-hint">
          {reason}
        </span>
      ) : null}
      {summary.issue ? (
        <span className="muted">
          {summary.issue.certificates.toLocaleString('en-US')} certificates,{' '}
          {Object.entries(summary.issue.totals)
            .map(([code, t]) => `class ${code || '—'}: ${t.certificates.toLocaleString('en-US')} (${t.held.toLocaleString('en-US')} held)`)
            .join('; ')}
        </span>
      ) : null}
    </div>
  );
}
