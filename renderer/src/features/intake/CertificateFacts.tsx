import type { CertificateForForm } from '../../../../shared/ipc/intake-forms';
import { formatInstant } from '../../lib/dates';

const shares = (n: number) => n.toLocaleString('en-US');

/** What the register and the book say of the certificate being keyed: registration, class, rights exercised and left. */
export function CertificateFacts({ certificate }: { readonly certificate: CertificateForForm }) {
  const c = certificate;
  return (
    <section className="certificate-facts" aria-label={`Certificate ${c.number}`}>
      <dl className="facts">
        <dt>Holder</dt>
        <dd>
          {c.registration.map((line) => (
            <span key={line} className="line">
              {line}
            </span>
          ))}
        </dd>
        <dt>Address</dt>
        <dd>{c.address.join(', ')}</dd>
        <dt>Account</dt>
        <dd>{c.account}</dd>
        <dt>Class</dt>
        <dd>
          {c.class} ({c.colour}){c.oversubscriptionAllowed ? ', oversubscription allowed' : ', no oversubscription'}
        </dd>
        <dt>TIN</dt>
        <dd>{c.tinMasked ?? 'none on the register'}</dd>
        <dt>Firm rights</dt>
        <dd>{shares(c.firmRights)}</dd>
        <dt>Already exercised</dt>
        <dd>{shares(c.exercised)}</dd>
        <dt>Rights left</dt>
        <dd>
          <strong>{shares(c.left)}</strong>
        </dd>
      </dl>
      {c.held ? <p className="notice">Held by the agent for a holder abroad (§9): exercised only on the holder’s instruction.</p> : null}
      {c.stopped ? <p className="notice">Stopped: reported lost, stolen or destroyed (§2c).</p> : null}
      {c.earlier.length > 0 ? (
        <p className="notice">
          Keyed before:{' '}
          {c.earlier.map((e) => `item ${e.electionId} by ${e.keyedBy} on ${formatInstant(e.keyedAt)} (${e.basicShares === null ? 'no number' : `${shares(e.basicShares)} basic`})`).join('; ')}
        </p>
      ) : null}
    </section>
  );
}
