import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CertificateReprintResult } from '../../../../shared/ipc/certificates';
import { useNavigation } from '../../frame/navigation';
import { useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { classLabel, groupDecimal, nameOf, placeOf } from '../register/format';
import type { SessionUser } from '../../../../shared/ipc/types';
import { CertificateEvents } from './CertificateEvents';
import { ReprintAction, ReprintWritten } from './ReprintAction';

/** One certificate: what it is, whose (TIN masked), and its history; a supervisor may reprint it. */
export function CertificatePage({ user, certificateId, onBack }: { user: SessionUser; certificateId: number; onBack: (programId: number) => void }) {
  const { navigate, back } = useNavigation();
  const detail = useDeskQuery('certificates.detail', { certificateId }, { topics: ['certificates'] });
  const heading = useRef<HTMLHeadingElement>(null);
  const d = detail.data;
  const [written, setWritten] = useState<CertificateReprintResult | null>(null);
  useEffect(() => heading.current?.focus(), [certificateId, d !== undefined]);
  const leave = () => (d ? onBack(d.certificate.programId) : back());
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      leave();
    }
  };
  return (
    <div className="detail certificate" onKeyDown={onKeyDown}>
      <h2 ref={heading} tabIndex={-1}>
        Certificate {d?.certificate.number ?? ''}
      </h2>
      {detail.error ? (
        <p className="form-problem" role="alert">
          {detail.error.message}
        </p>
      ) : null}
      {!d && !detail.error ? <p>Loading…</p> : null}
      {d ? (
        <>
          <dl className="facts">
            <dt>Program</dt>
            <dd>
              {d.program.name} (CUSIP <span className="code">{d.program.cusip}</span>)
            </dd>
            <dt>Class</dt>
            <dd>{classLabel(d.certificate.class)}</dd>
            <dt>Firm rights</dt>
            <dd>{d.certificate.firmRights.toLocaleString('en-US')}</dd>
            <dt>Units on the record date</dt>
            <dd>{groupDecimal(d.certificate.units)}</dd>
            <dt>Issued</dt>
            <dd>{formatInstant(d.certificate.issuedAt)}</dd>
            <dt>Mailing</dt>
            <dd>{d.certificate.held ? 'Held by the agent, not mailed: address outside the US (§9)' : 'Mailed to the registered address'}</dd>
            <dt>Registered to</dt>
            <dd>
              {nameOf(d.entry)}, account <span className="code">{d.entry.account}</span>
            </dd>
            <dt>Address on the record date</dt>
            <dd>{[d.entry.address1, d.entry.address2, placeOf(d.entry)].filter((p) => p !== '').join(', ')}</dd>
            <dt>TIN</dt>
            <dd className="code">{d.entry.maskedTin}</dd>
          </dl>
          <section aria-labelledby="certificate-history">
            <h3 id="certificate-history">History</h3>
            <CertificateEvents events={d.events} />
          </section>
          {written?.number === d.certificate.number ? <ReprintWritten written={written} /> : null}
        </>
      ) : null}
      <div className="toolbar">
        {d && user.role !== 'clerk' ? <ReprintAction target={{ certificateId: d.certificate.id, number: d.certificate.number }} onWritten={setWritten} /> : null}
        {d ? (
          <button type="button" onClick={() => navigate({ area: 'register', programId: d.certificate.programId, account: d.certificate.account })}>
            Open the holder
          </button>
        ) : null}
        <button type="button" onClick={leave}>
          Back to the certificates <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
