import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseView } from '../../../../shared/ipc/lost';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useStatus } from '../../app/StatusContext';
import { useJobFinished } from '../../frame/jobs';
import { useDeskQuery } from '../../frame/query';
import { formatInstant, formatIsoDate } from '../../lib/dates';
import { BondForm } from './BondForm';
import { RecoveryForm, RemainsForm, ReportForm } from './CaseForms';
import { useLostCall } from './form-kit';

function Facts({ c }: { c: CaseView }) {
  return (
    <dl className="facts">
      <dt>Certificate</dt>
      <dd className="code">{c.certificateNumber}</dd>
      <dt>Registered to</dt>
      <dd>{c.registration.join(' / ')}</dd>
      <dt>Class and rights</dt>
      <dd>
        Class {c.class}: {c.firmRights.toLocaleString('en-US')} firm rights, {c.rightsLeft.toLocaleString('en-US')} left
      </dd>
      <dt>Kind</dt>
      <dd>{c.kind}</dd>
      <dt>Discovered</dt>
      <dd>{formatIsoDate(c.discoveredOn)}: {c.circumstances}</dd>
      {c.policeReport ? (
        <>
          <dt>Police report</dt>
          <dd>{c.policeReport}</dd>
        </>
      ) : null}
      <dt>Affidavit</dt>
      <dd>
        {c.affidavit.received ? 'Received' : 'Not received'}: {c.affidavit.ownerName}, TIN XXX-XX-{c.affidavit.tinLast4}, {c.affidavit.rights} rights, {c.affidavit.notEndorsedOrPledged ? 'not endorsed or pledged' : 'endorsement or pledge not denied'}
      </dd>
      <dt>Opened</dt>
      <dd>{formatInstant(c.openedAt)}</dd>
      <dt>Status</dt>
      <dd>{c.status}{c.replacement ? `: replaced by ${c.replacement.number} (${c.replacement.firmRights} rights)` : ''}</dd>
    </dl>
  );
}

function Bonds({ c, user }: { c: CaseView; user: SessionUser }) {
  const run = useLostCall();
  if (c.bonds.length === 0) return <p className="muted">{c.bondRequired ? 'No bond keyed yet.' : 'No bond is needed: the mutilated certificate was surrendered and is identifiable.'}</p>;
  return (
    <table className="plain">
      <caption>Indemnity bonds</caption>
      <thead>
        <tr><th scope="col">Bond</th><th scope="col">Market value</th><th scope="col">Premium</th><th scope="col">Fee</th><th scope="col">Expenses</th><th scope="col">Received</th><th scope="col">Approval</th></tr>
      </thead>
      <tbody>
        {c.bonds.map((b) => (
          <tr key={b.id}>
            <td>{b.surety} {b.bondReference}</td><td>{b.marketValue}</td><td>{b.premium}</td><td>{b.processingFee}</td><td>{b.expenses}</td><td>{b.paymentReceived}</td>
            <td>
              {b.approvedBy !== null ? 'Approved' : user.role === 'clerk' ? 'Awaits a supervisor' : (
                <button type="button" onClick={() => void run('lost.approveBond', { caseId: c.id, bondId: b.id }, () => `Bond ${b.bondReference} approved.`)}>Approve bond {b.bondReference}</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Actions({ c }: { c: CaseView }) {
  const run = useLostCall();
  const status = useStatus();
  const finished = useJobFinished();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      const started = await run('lost.printReplacement', { caseId: c.id }, () => `Printing replacement ${c.replacement?.number ?? ''}…`);
      if (!started.ok) return;
      const job = await finished(started.value.jobId);
      if (job.state !== 'done') return status.report(job.error?.message ?? `Printing was ${job.state}; nothing was left behind.`, job.state === 'cancelled' ? 'info' : 'problem');
      const files = (job.result as { files: string[] }).files;
      status.report(`Printed ${files.join(' and ')}.`, 'done');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar">
      {c.replacement === null ? (
        <button type="button" disabled={c.blockers.length > 0} aria-describedby={c.blockers.length > 0 ? `case-${c.id}-blockers` : undefined} onClick={() => void run('lost.replace', { caseId: c.id }, (v) => `Replacement ${v.replacement?.number ?? ''} issued; ${c.certificateNumber} is cancelled.`)}>
          Issue the replacement
        </button>
      ) : (
        <button type="button" disabled={busy} onClick={() => void print()}>Print the replacement and cover letter</button>
      )}
      {c.kind !== 'mutilated' ? (
        <button type="button" onClick={() => void run('lost.exportReport', { caseId: c.id, reportType: c.recoveredOn !== null ? 'recovery' : 'initial' }, (v) => `Form X-17F-1A written: ${v.fileName}.`)}>Export Form X-17F-1A</button>
      ) : null}
    </div>
  );
}

/** One case: its facts, what blocks the replacement, the bond and its approval, replace and print. */
export function CasePage({ caseId, user, onBack }: { caseId: number; user: SessionUser; onBack: () => void }) {
  const found = useDeskQuery('lost.case', { caseId }, { topics: ['lost'] });
  const heading = useRef<HTMLHeadingElement>(null);
  const c = found.data;
  useEffect(() => heading.current?.focus(), [caseId, c !== undefined]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onBack();
    }
  };
  return (
    <div className="detail lost-case" onKeyDown={onKeyDown}>
      <h2 ref={heading} tabIndex={-1}>Case {caseId}{c ? ` — ${c.certificateNumber} (${c.kind})` : ''}</h2>
      {found.error ? <p className="form-problem" role="alert">{found.error.message}</p> : null}
      {c ? (
        <>
          <Facts c={c} />
          {c.warnings.map((w) => <p key={w} className="form-problem">Warning: {w}</p>)}
          {c.blockers.length > 0 && c.replacement === null ? (
            <section aria-labelledby={`case-${c.id}-blockers`}>
              <h3 id={`case-${c.id}-blockers`}>Before a replacement</h3>
              <ul>{c.blockers.map((b) => <li key={b}>{b}</li>)}</ul>
            </section>
          ) : null}
          <Bonds c={c} user={user} />
          {c.bondRequired && c.replacement === null && c.recoveredOn === null && !c.bonds.some((b) => b.approvedBy !== null) ? <BondForm caseId={c.id} /> : null}
          <Actions c={c} />
          {c.kind === 'mutilated' && c.remains === null && c.replacement === null ? <RemainsForm caseId={c.id} /> : null}
          {c.kind !== 'mutilated' && c.reports.length < (c.recoveredOn !== null ? 2 : 1) ? <ReportForm c={c} /> : null}
          {c.kind !== 'mutilated' && c.recoveredOn === null ? <RecoveryForm caseId={c.id} /> : null}
        </>
      ) : null}
      <div className="toolbar">
        <button type="button" onClick={onBack}>Back to the cases <kbd>Esc</kbd></button>
      </div>
    </div>
  );
}
