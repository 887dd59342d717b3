import { useQueryClient } from '@tanstack/react-query';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AmendmentView, ProgramSummary, SessionUser, TermsHistoryView, TermsVersionView } from '../../../../shared/ipc/types';
import { useStatus } from '../../app/StatusContext';
import { invalidateTopics, useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { nextRow } from '../../lib/listKeys';
import { formatWallTime } from './terms-form';
import { AmendmentsPanel } from './AmendmentsPanel';
import { TermsForm } from './TermsForm';
import { TermsView } from './TermsView';

/** A program's terms: the current version in words, its history, and (supervisors, administrators) a form to record or amend them. */
export function TermsSection({ program, user }: { program: ProgramSummary; user: SessionUser }) {
  const status = useStatus();
  const baseId = useId();
  const queryClient = useQueryClient();
  const input = { programId: program.id };
  const historyQuery = useDeskQuery('terms.history', input, { topics: ['terms'] });
  const history = historyQuery.data ?? null;
  // Once certificates are issued (the certificates topic does not exist yet: a change of terms refreshes it too).
  const amendments = useDeskQuery('terms.amendments', input, { topics: ['terms'] }).data ?? null;
  const locked = amendments?.locked ?? false;
  const problem = historyQuery.error?.message ?? null;
  const [formOpen, setFormOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [viewing, setViewing] = useState<number | null>(null);
  const mayRecord = user.role !== 'clerk';
  const openButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLTableElement>(null);
  const viewHeading = useRef<HTMLHeadingElement>(null);
  // What takes the focus once the next render is on screen (an element that may not exist yet).
  const focusAfter = useRef<(() => HTMLElement | null) | null>(null);

  useLayoutEffect(() => {
    const target = focusAfter.current?.();
    focusAfter.current = null;
    target?.focus();
    // A version opened from the history is read from its top.
    if (target && target === viewHeading.current) target.scrollIntoView({ block: 'start' });
  });

  const versions = history?.versions ?? [];
  const current = versions.at(-1) ?? null;
  const shown = viewing === null ? null : (versions[viewing] ?? null);
  const rowId = (i: number) => `${baseId}-v-${i}`;
  const selected = Math.min(active, Math.max(versions.length - 1, 0));

  const closeForm = (discarded: boolean) => {
    if (discarded) status.report('Terms form abandoned; nothing was saved.', 'info');
    focusAfter.current = () => openButton.current;
    setFormOpen(false);
  };

  const saved = (v: TermsVersionView) => {
    // Shown at once; main's change notice then refetches it anyway.
    queryClient.setQueryData<TermsHistoryView>(['terms.history', input], (h) => (h ? { ...h, versions: [...h.versions, v] } : h));
    setActive(v.version - 1);
    focusAfter.current = () => openButton.current;
    setFormOpen(false);
  };

  const proposed = (a: AmendmentView) => {
    void invalidateTopics(queryClient, ['terms']);
    status.report(`Amendment #${a.id} proposed against version ${a.baseVersion}: another supervisor or an administrator must approve it.`, 'done');
    focusAfter.current = () => openButton.current;
    setFormOpen(false);
  };

  const onListKeys = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      focusAfter.current = () => viewHeading.current;
      setViewing(selected);
      return;
    }
    const next = nextRow(e.key, selected, versions.length);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
    }
  };

  const closeView = () => {
    focusAfter.current = () => list.current;
    setViewing(null);
  };

  return (
    <section className="terms" aria-labelledby={`${baseId}-h`}>
      <h3 id={`${baseId}-h`} tabIndex={-1}>
        Terms
      </h3>
      {problem ? (
        <p className="form-problem" role="alert">
          The terms cannot be shown: {problem}
        </p>
      ) : null}
      {history === null && !problem ? <p>Loading the terms…</p> : null}
      {history !== null && current === null ? (
        <p className="notice">No terms recorded yet.{mayRecord ? ' Use Record terms to enter the original terms.' : ' A supervisor records them.'}</p>
      ) : null}
      {locked && amendments?.issuedAt ? (
        <p className="notice terms-locked">
          Locked: the certificates were issued {formatInstant(amendments.issuedAt)}. The terms change only by an amendment that one supervisor proposes and another approves.
        </p>
      ) : null}
      {mayRecord && history !== null && !formOpen ? (
        <div className="toolbar">
          <button ref={openButton} type="button" onClick={() => setFormOpen(true)}>
            {locked ? 'Propose an amendment…' : current ? 'Amend terms' : 'Record terms'}
          </button>
        </div>
      ) : null}
      {mayRecord && formOpen ? <TermsForm program={program} current={current} onSaved={saved} onClose={closeForm} onProposed={locked ? proposed : undefined} /> : null}
      {amendments ? <AmendmentsPanel view={amendments} user={user} /> : null}
      {current ? (
        <>
          <h4>
            Current terms: version {current.version} <span className="muted">— {current.reason}</span>
          </h4>
          <TermsView version={current} />
          <h4>Version history</h4>
          <table
            ref={list}
            className="grid"
            role="grid"
            aria-label={`Terms versions, ${versions.length}; Enter shows one`}
            aria-activedescendant={rowId(selected)}
            tabIndex={0}
            onKeyDown={onListKeys}
          >
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Reason</th>
                <th scope="col">Recorded</th>
                <th scope="col">By</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr
                  key={v.version}
                  id={rowId(i)}
                  aria-selected={i === selected}
                  className={i === selected ? 'selected' : undefined}
                  onClick={() => setActive(i)}
                  onDoubleClick={() => setViewing(i)}
                >
                  <td className="num">
                    {v.version}
                    {v === current ? ' (current)' : ''}
                  </td>
                  <td>{v.reason}</td>
                  <td>{formatInstant(v.recordedAt)}</td>
                  <td>{v.recordedBy}</td>
                  <td>{formatWallTime(v.derived.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {shown ? (
        <section
          className="terms-version"
          aria-labelledby={`${baseId}-vh`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              closeView();
            }
          }}
        >
          <h4 id={`${baseId}-vh`} ref={viewHeading} tabIndex={-1}>
            Version {shown.version} (read-only) <span className="muted">— {shown.reason}, recorded {formatInstant(shown.recordedAt)} by {shown.recordedBy}</span>
          </h4>
          <TermsView version={shown} />
          <div className="toolbar">
            <button type="button" onClick={closeView}>
              Close version {shown.version} <kbd>Esc</kbd>
            </button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
