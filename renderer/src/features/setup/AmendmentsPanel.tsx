import { termsComparison } from '../../../../shared/ipc/terms-diff';
import type { AmendmentsView, AmendmentView, SessionUser } from '../../../../shared/ipc/types';
import { formatInstant } from '../../lib/dates';
import { AmendmentDecisionForm } from './AmendmentDecisionForm';

/** The words for a field of the terms, by its path in the comparison (`classes.B.colour` → Class B: colour). */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  kind: 'Kind of terms',
  timeZone: 'Time zone',
  businessDays: 'Business-day calendar',
  subscriptionPrice: 'Subscription price',
  maxShares: 'Maximum shares',
  recordDate: 'Record date',
  certificateIssueDate: 'Certificate issue date',
  'expiration.basis': 'Expiration basis',
  'expiration.at': 'Expiration date and time',
  'transferableExpiration.basis': 'Transferable expiration basis',
  'transferableExpiration.at': 'Transferable expiration date and time',
  'guaranteedDelivery.allowed': 'Guaranteed delivery allowed',
  'guaranteedDelivery.coverBusinessDays': 'Guaranteed delivery cover (business days)',
  'oversubscription.basis': 'Proration basis',
  'oversubscription.requireFullBasic': 'Full basic exercise required',
  processingFeePerShare: 'Processing fee per share',
  roundLot: 'Round lot',
  expiresAt: 'Expires',
  excludedJurisdictions: 'Excluded jurisdictions',
  planSharesExcluded: 'Plan shares excluded',
  backupWithholdingRate: 'Backup withholding rate',
  settlementBusinessDays: 'Settlement business days',
};
const CLASS_WORDS: Readonly<Record<string, string>> = { code: 'code', colour: 'colour', description: 'description', firmRightsPerUnit: 'firm rights per unit', oversubscription: 'oversubscription', transferable: 'transferable', stage: 'stage', unitsDecimals: 'units decimals' };

export function fieldWords(path: string): string {
  const m = /^classes\.([^.]+)\.(.+)$/.exec(path);
  if (m) return `Class ${m[1]}: ${CLASS_WORDS[m[2]!] ?? m[2]}`;
  return FIELD_WORDS[path] ?? path;
}

/** The proposal beside the version it amends, every field, the changed ones marked in words as well as by colour. */
function Comparison({ amendment }: { amendment: AmendmentView }) {
  const rows = termsComparison(amendment.baseTerms, amendment.terms);
  const changes = rows.filter((r) => r.changed);
  const changed = changes.length;
  return (
    <>
      <p className="amendment-summary">
        {changed === 0 ? 'No field changes.' : `Changes: ${changes.map((r) => `${fieldWords(r.path)} ${r.before ?? '(none)'} → ${r.after ?? '(none)'}`).join('; ')}.`}
      </p>
    <table className="grid amendment-comparison" aria-label={`Amendment #${amendment.id} beside version ${amendment.baseVersion}: ${changed} ${changed === 1 ? 'field changes' : 'fields change'}`}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Version {amendment.baseVersion} (current)</th>
          <th scope="col">Proposed</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.path} className={r.changed ? 'changed' : undefined}>
            <th scope="row">{fieldWords(r.path)}</th>
            <td>{r.before ?? '—'}</td>
            <td>{r.after ?? '—'}</td>
            <td>{r.changed ? (r.before === null ? 'Added' : r.after === null ? 'Removed' : 'Changed') : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}

const STATUS_WORDS = { pending: 'pending', approved: 'approved', rejected: 'rejected' } as const;

function AmendmentItem({ amendment: a, user }: { amendment: AmendmentView; user: SessionUser }) {
  const mayDecide = a.status === 'pending' && user.role !== 'clerk' && a.proposedBy !== user.username;
  return (
    <section className={`amendment amendment-${a.status}`} aria-labelledby={`amendment-${a.id}-h`}>
      <h5 id={`amendment-${a.id}-h`}>
        Amendment #{a.id} ({STATUS_WORDS[a.status]}) <span className="muted">— {a.reason}; proposed {formatInstant(a.proposedAt)} by {a.proposedBy}</span>
      </h5>
      {a.status !== 'pending' ? (
        <p>
          {a.status === 'approved' ? 'Approved' : 'Rejected'} {formatInstant(a.decidedAt ?? '')} by {a.decidedBy}: {a.decisionNote}
        </p>
      ) : null}
      {a.status === 'pending' ? <Comparison amendment={a} /> : null}
      {a.status === 'pending' && a.proposedBy === user.username ? <p className="notice">You proposed this amendment: another supervisor or an administrator decides it.</p> : null}
      {mayDecide ? <AmendmentDecisionForm amendment={a} /> : null}
    </section>
  );
}

/** A locked program's amendments: pending ones first, each beside the version it amends. */
export function AmendmentsPanel({ view, user }: { view: AmendmentsView; user: SessionUser }) {
  if (view.amendments.length === 0) return null;
  const pending = view.amendments.filter((a) => a.status === 'pending');
  const decided = view.amendments.filter((a) => a.status !== 'pending');
  return (
    <section className="amendments" aria-label="Amendments">
      <h4>Amendments ({pending.length} pending)</h4>
      {[...pending, ...decided].map((a) => (
        <AmendmentItem key={a.id} amendment={a} user={user} />
      ))}
    </section>
  );
}
