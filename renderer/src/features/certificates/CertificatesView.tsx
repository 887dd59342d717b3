import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CertificateView, HeldForeignRow } from '../../../../shared/ipc/register-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useNavigation } from '../../frame/navigation';
import { useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { classLabel, groupDecimal } from '../register/format';
import { useWindowSource } from '../register/useWindowSource';
import { IssueButton } from './IssueButton';

const LIST_COLUMNS: readonly GridColumn<CertificateView>[] = [
  { id: 'number', header: 'Number', cell: (c) => c.number, text: (c) => c.number, className: 'code' },
  { id: 'class', header: 'Class', cell: (c) => classLabel(c.class) },
  { id: 'account', header: 'Account', cell: (c) => c.account, className: 'code' },
  { id: 'units', header: 'Units', cell: (c) => groupDecimal(c.units), className: 'num' },
  { id: 'rights', header: 'Firm rights', cell: (c) => c.firmRights.toLocaleString('en-US'), className: 'num' },
  { id: 'held', header: 'Mailing', cell: (c) => (c.held ? 'Held (§9)' : 'Mailed') },
];
const HELD_COLUMNS: readonly GridColumn<HeldForeignRow>[] = [
  { id: 'number', header: 'Number', cell: (r) => r.certificate.number, text: (r) => r.certificate.number, className: 'code' },
  { id: 'name', header: 'Holder', cell: (r) => r.name },
  { id: 'country', header: 'Country', cell: (r) => r.country },
  { id: 'rights', header: 'Firm rights', cell: (r) => r.certificate.firmRights.toLocaleString('en-US'), className: 'num' },
  { id: 'letter', header: 'Letter needed', cell: (r) => `${r.letter.form} with the prospectus` },
  { id: 'sent', header: 'Letter sent', cell: (r) => (r.letter.sentAt ? formatInstant(r.letter.sentAt) : 'Not yet') },
];
const certificateKey = (c: CertificateView) => c.id;
const heldKey = (r: HeldForeignRow) => r.certificate.id;

/** One program's certificates: issue, the list by number (one class or all), the held-foreign list. */
export function CertificatesView({ user, programId, view }: { user: SessionUser; programId: number; view: 'list' | 'held' }) {
  const { navigate } = useNavigation();
  const program = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  const summary = useDeskQuery('register.summary', { programId }, { topics: ['register', 'certificates'] });
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [programId]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && e.target instanceof HTMLElement && e.target.tagName !== 'SELECT') {
      e.preventDefault();
      navigate({ area: 'certificates' });
    }
  };
  const classes = Object.keys(summary.data?.issue?.totals ?? {}).sort();
  const open = useCallback((certificateId: number) => navigate({ area: 'certificates', certificateId }), [navigate]);

  return (
    <div className="detail certificates" onKeyDown={onKeyDown}>
      <h2 ref={heading} tabIndex={-1}>
        Certificates: {program.data?.name ?? `program ${programId}`}
      </h2>
      {summary.error ? (
        <p className="form-problem" role="alert">
          {summary.error.message}
        </p>
      ) : null}
      {summary.data ? <IssueButton user={user} summary={summary.data} /> : null}
      {summary.data?.issued ? (
        <>
          <nav className="sub-nav" aria-label="Certificates">
            <button type="button" aria-current={view === 'list' ? 'page' : undefined} onClick={() => navigate({ area: 'certificates', programId, view: 'list' })}>
              All certificates
            </button>
            <button type="button" aria-current={view === 'held' ? 'page' : undefined} onClick={() => navigate({ area: 'certificates', programId, view: 'held' })}>
              Held for holders abroad (§9)
            </button>
          </nav>
          {view === 'list' ? <CertificateList programId={programId} classes={classes} onOpen={open} /> : <HeldForeignList programId={programId} onOpen={open} />}
        </>
      ) : null}
      <div className="toolbar">
        <button type="button" onClick={() => navigate({ area: 'certificates' })}>
          Choose another program <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}

function CertificateList({ programId, classes, onOpen }: { programId: number; classes: readonly string[]; onOpen: (id: number) => void }) {
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  const base = chosen === '' ? { programId } : { programId, class: chosen };
  const { source, total, error } = useWindowSource('certificates.list', base, certificateKey, ['certificates']);
  return (
    <section aria-label="All certificates">
      <div className="field inline">
        <label htmlFor={selectId}>Class</label>
        <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">All classes</option>
          {classes.map((c) => (
            <option key={c} value={c}>
              Class {classLabel(c)}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="form-problem" role="alert">
          {error.message}
        </p>
      ) : null}
      {total !== null ? <Grid label="Certificates" columns={LIST_COLUMNS} source={source} onOpen={(c) => onOpen(c.id)} emptyText="No certificates of this class." /> : null}
    </section>
  );
}

function HeldForeignList({ programId, onOpen }: { programId: number; onOpen: (id: number) => void }) {
  const { source, total, error } = useWindowSource('register.heldForeign', { programId }, heldKey, ['certificates', 'register']);
  return (
    <section aria-label="Held for holders abroad">
      <p className="muted">
        No certificate is mailed to an address outside the US (§9): the holder gets the prospectus with the Exhibit D letter; the agent holds the certificate and exercises on the
        holder&apos;s instruction and payment before expiration.
      </p>
      {error ? (
        <p className="form-problem" role="alert">
          {error.message}
        </p>
      ) : null}
      {total !== null ? <Grid label="Held certificates" columns={HELD_COLUMNS} source={source} onOpen={(r) => onOpen(r.certificate.id)} emptyText="No certificate is held: every holder has a US address." /> : null}
    </section>
  );
}
