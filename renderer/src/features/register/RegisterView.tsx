import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { RegisterEntryView } from '../../../../shared/ipc/register-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { classLabel, groupDecimal, nameOf, placeOf } from './format';
import { ImportPanel } from './ImportPanel';
import { useWindowSource } from './useWindowSource';

const COLUMNS: readonly GridColumn<RegisterEntryView>[] = [
  { id: 'account', header: 'Account', cell: (e) => e.account, text: (e) => e.account, className: 'code' },
  { id: 'class', header: 'Class', cell: (e) => classLabel(e.class) },
  { id: 'name', header: 'Registration', cell: (e) => nameOf(e) },
  { id: 'place', header: 'City, state, postal code', cell: (e) => placeOf(e) },
  { id: 'tin', header: 'TIN', cell: (e) => e.maskedTin, className: 'code' },
  { id: 'units', header: 'Units', cell: (e) => groupDecimal(e.units), className: 'num' },
];
const keyOf = (e: RegisterEntryView) => e.id;

interface RegisterViewProps {
  readonly programId: number;
  readonly onOpenHolder: (account: string) => void;
  readonly onBack: () => void;
  readonly user: SessionUser;
  /** Shown (not under a holder's page). */
  readonly active: boolean;
}

/** One program's register as a grid (a million rows, fetched by window), with the imports that made it. */
export function RegisterView({ user, programId, onOpenHolder, onBack, active }: RegisterViewProps) {
  const program = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  const summary = useDeskQuery('register.summary', { programId }, { topics: ['register', 'certificates'] });
  const { source, total, error } = useWindowSource('register.entries', { programId }, keyOf, ['register']);
  const grid = useRef<HTMLTableElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening a program (or coming back from a holder) is the clerk's own act: the grid takes the focus once it is there.
  const gridShown = total !== null && total > 0;
  useLayoutEffect(() => {
    if (!active) return;
    if (gridShown) grid.current?.focus();
    else heading.current?.focus();
  }, [active, gridShown, programId]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    }
  };
  const open = useCallback((e: RegisterEntryView) => onOpenHolder(e.account), [onOpenHolder]);

  return (
    <div className="detail register" onKeyDown={onKeyDown}>
      <h2 ref={heading} tabIndex={-1}>
        Register: {program.data?.name ?? `program ${programId}`}
      </h2>
      {summary.error || error ? (
        <p className="form-problem" role="alert">
          {(summary.error ?? error)?.message}
        </p>
      ) : null}
      {summary.data ? (
        <p>
          {summary.data.entries.toLocaleString('en-US')} {summary.data.entries === 1 ? 'entry' : 'entries'} on the record-date register;{' '}
          {summary.data.issue ? `${summary.data.issue.certificates.toLocaleString('en-US')} certificates issued ${formatInstant(summary.data.issue.issuedAt)}.` : 'no certificates issued yet.'}
        </p>
      ) : null}
      {total !== null ? (
        <Grid
          ref={grid}
          label="Register"
          columns={COLUMNS}
          source={source}
          onOpen={open}
          emptyText="No register yet for this program: it is imported from the issuer's record-date file."
        />
      ) : null}
      {summary.data && program.data ? <ImportPanel user={user} programId={programId} issuer={program.data.issuer} hasRegister={summary.data.entries > 0} /> : null}
      {summary.data && summary.data.imports.length > 0 ? <ImportsTable imports={summary.data.imports} /> : null}
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          Choose another program <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}

function ImportsTable({ imports }: { imports: NonNullable<ReturnType<typeof useDeskQuery<'register.summary'>>['data']>['imports'] }) {
  return (
    <section aria-labelledby="register-imports">
      <h3 id="register-imports">Imports</h3>
      <table className="plain">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Imported</th>
            <th scope="col">By</th>
            <th scope="col">Rows</th>
            <th scope="col">Imported rows</th>
            <th scope="col">Rejected</th>
            <th scope="col">Good rows only</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id}>
              <td>{i.fileName}</td>
              <td>{formatInstant(i.importedAt)}</td>
              <td>{i.importedBy ?? '—'}</td>
              <td className="num">{i.rowCount.toLocaleString('en-US')}</td>
              <td className="num">{i.imported.toLocaleString('en-US')}</td>
              <td className="num">{i.rejected.toLocaleString('en-US')}</td>
              <td>{i.goodRowsOnly ? 'Yes' : 'No'}</td>
              <td className="code" title={i.fileSha256}>
                {i.fileSha256.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
