import type { AssessmentView } from '../../../../../shared/ipc/intake-more';
import { normalizeMoney } from '../../../lib/amounts';

/** The engine's verdict as the clerk types: deficiencies in words with their codes, what is exercised, due or in excess. */
export function AssessmentPanel({ assessment, problem, label = 'How the engine reads it' }: { assessment: AssessmentView | null; problem: string | null; label?: string }) {
  return (
    <section className="assessment" aria-label={label} aria-live="polite">
      <h3>{label}</h3>
      {problem ? <p className="muted">{problem}</p> : null}
      {assessment ? (
        <>
          {assessment.deficiencies.length === 0 ? (
            <p className="assessment-clean">No deficiencies.</p>
          ) : (
            <ul className="deficiencies">
              {assessment.deficiencies.map((d) => (
                <li key={d.code}>
                  {d.title} — deficiency {d.code}
                  {d.waivable ? '' : ' (cannot be waived)'}
                </li>
              ))}
            </ul>
          )}
          <dl className="assessment-figures">
            <dt>Rights</dt>
            <dd>{assessment.rights.toLocaleString('en-US')}</dd>
            <dt>Basic shares exercised</dt>
            <dd>{assessment.basicShares.toLocaleString('en-US')}</dd>
            <dt>Oversubscription paid for</dt>
            <dd>{assessment.oversubscriptionPaid.toLocaleString('en-US')}</dd>
            <dt>Cost of the shares keyed</dt>
            <dd>${normalizeMoney(assessment.cost)}</dd>
            <dt>Good funds</dt>
            <dd>${normalizeMoney(assessment.goodFunds)}</dd>
            <dt>Not yet good</dt>
            <dd>${normalizeMoney(assessment.pendingFunds)}</dd>
            <dt>Still due</dt>
            <dd>${normalizeMoney(assessment.due)}</dd>
            <dt>To be refunded after proration</dt>
            <dd>${normalizeMoney(assessment.excess)}</dd>
          </dl>
        </>
      ) : null}
    </section>
  );
}
