import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CertificateWithEvents, RegisterEntryView } from '../../../../shared/ipc/register-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useNavigation } from '../../frame/navigation';
import { useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { CertificateEvents } from '../certificates/CertificateEvents';
import { classLabel, groupDecimal, nameOf } from './format';
import { RevealTin } from './RevealTin';

interface HolderPageProps {
  readonly user: SessionUser;
  readonly programId: number;
  readonly account: string;
  readonly onBack: () => void;
}

/** A holder as on the record date: registration, address, masked TIN, holdings, certificates and their history. */
export function HolderPage({ user, programId, account, onBack }: HolderPageProps) {
  const holder = useDeskQuery('register.holder', { programId, account }, { topics: ['register', 'certificates'] });
  const heading = useRef<HTMLHeadingElement>(null);
  const first = holder.data?.entries[0];
  const loaded = holder.data !== undefined;

  useEffect(() => {
    heading.current?.focus();
  }, [programId, account, loaded]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    }
  };

  return (
    <div className="detail holder" onKeyDown={onKeyDown}>
      <h2 ref={heading} tabIndex={-1}>
        {first ? nameOf(first) : `Account ${account}`}
      </h2>
      {holder.error ? (
        <p className="form-problem" role="alert">
          {holder.error.message}
        </p>
      ) : null}
      {!holder.data && !holder.error ? <p>Loading…</p> : null}
      {holder.data && first ? (
        <>
          <HolderFacts user={user} entry={first} programName={holder.data.programName} />
          <HoldingsTable entries={holder.data.entries} />
          <HolderCertificates certificates={holder.data.certificates} />
        </>
      ) : null}
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          Back to the register <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}

function HolderFacts({ user, entry, programName }: { user: SessionUser; entry: RegisterEntryView; programName: string }) {
  const registration = entry.registration.filter((line) => line !== '');
  return (
    <dl className="facts">
      <dt>Program</dt>
      <dd>{programName}</dd>
      <dt>Account</dt>
      <dd className="code">{entry.account}</dd>
      <dt>Registration</dt>
      <dd>
        {registration.map((line, i) => (
          <span key={i} className="line">
            {line}
          </span>
        ))}
      </dd>
      <dt>Address on the record date</dt>
      <dd>
        {[entry.address1, entry.address2, [entry.city, [entry.state, entry.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', '), entry.country]
          .filter((line) => line !== '')
          .map((line, i) => (
            <span key={i} className="line">
              {line}
            </span>
          ))}
      </dd>
      <dt>TIN</dt>
      <dd>
        <span className="code">
          {entry.maskedTin}
          {entry.tinType !== 'NONE' ? ` (${entry.tinType})` : ''}
        </span>{' '}
        <RevealTin user={user} entry={entry} />
      </dd>
      {entry.nominee ? (
        <>
          <dt>Nominee</dt>
          <dd>{entry.nominee}</dd>
        </>
      ) : null}
    </dl>
  );
}

function HoldingsTable({ entries }: { entries: readonly RegisterEntryView[] }) {
  return (
    <section aria-labelledby="holder-holdings">
      <h3 id="holder-holdings">Holdings on the record date</h3>
      <table className="plain">
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Units</th>
            <th scope="col">Plan shares</th>
            <th scope="col">Register line</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{classLabel(e.class)}</td>
              <td className="num">{groupDecimal(e.units)}</td>
              <td className="num">{groupDecimal(e.planShares)}</td>
              <td className="num">{e.line}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function HolderCertificates({ certificates }: { certificates: readonly CertificateWithEvents[] }) {
  const { navigate } = useNavigation();
  return (
    <section aria-labelledby="holder-certificates">
      <h3 id="holder-certificates">Certificates</h3>
      {certificates.length === 0 ? <p className="notice">No certificates issued to this holder yet.</p> : null}
      {certificates.map((c) => (
        <article key={c.id} className="certificate-card" aria-label={`Certificate ${c.number}`}>
          <p>
            <button type="button" className="link" onClick={() => navigate({ area: 'certificates', certificateId: c.id })}>
              Certificate {c.number}
            </button>{' '}
            class {classLabel(c.class)}, {c.firmRights.toLocaleString('en-US')} firm rights, issued {formatInstant(c.issuedAt)}
            {c.held ? ' — held by the agent, not mailed (§9)' : ''}
          </p>
          <CertificateEvents events={c.events} />
        </article>
      ))}
    </section>
  );
}
