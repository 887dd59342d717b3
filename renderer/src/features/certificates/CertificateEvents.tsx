import type { CertificateEventView } from '../../../../shared/ipc/register-types';
import { formatInstant } from '../../lib/dates';

const KIND_WORDS: Readonly<Record<string, string>> = {
  printed: 'Printed',
  reprinted: 'Reprinted (DUPLICATE)',
  'foreign-letter-sent': 'Exhibit D letter sent (§9)',
};

/** A detail value in words: plain text and numbers as they are, anything else as compact JSON. */
const shown = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));

/** What happened to a certificate, oldest first. */
export function CertificateEvents({ events }: { events: readonly CertificateEventView[] }) {
  if (events.length === 0) return <p className="muted">Nothing recorded since issue.</p>;
  return (
    <table className="plain">
      <caption className="visually-hidden">History</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">By</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>{formatInstant(e.at)}</td>
            <td>{KIND_WORDS[e.kind] ?? e.kind}</td>
            <td>{e.createdBy ?? '—'}</td>
            <td>
              {Object.entries(e.detail)
                .map(([k, v]) => `${k}: ${shown(v)}`)
                .join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
