import type { CaseView, DeadlineView } from '../../../../shared/ipc/lost';
import type { SessionUser } from '../../../../shared/ipc/types';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { useDeskQuery } from '../../frame/query';
import { formatIsoDate } from '../../lib/dates';
import { ProgramPicker } from '../register/ProgramPicker';
import { CasePage } from './CasePage';
import { OpenCaseForm } from './OpenCaseForm';
import { SettingsForm } from './SettingsForm';

const CASE_COLUMNS: readonly GridColumn<CaseView>[] = [
  { id: 'id', header: 'Case', cell: (c) => String(c.id) },
  { id: 'number', header: 'Certificate', cell: (c) => c.certificateNumber, className: 'code', text: (c) => c.certificateNumber },
  { id: 'holder', header: 'Registered to', cell: (c) => c.registration[0] ?? '' },
  { id: 'kind', header: 'Kind', cell: (c) => c.kind },
  { id: 'status', header: 'Status', cell: (c) => c.status },
  { id: 'replacement', header: 'Replacement', cell: (c) => c.replacement?.number ?? '', className: 'code' },
];

function Deadlines({ programId }: { programId: number }) {
  const list = useDeskQuery('lost.deadlines', { programId }, { topics: ['lost'] });
  const rows: readonly DeadlineView[] = list.data ?? [];
  return (
    <section aria-labelledby="lost-deadlines">
      <h3 id="lost-deadlines">Deadlines</h3>
      {rows.length === 0 ? <p className="muted">Nothing due.</p> : (
        <table className="plain">
          <thead><tr><th scope="col">Due</th><th scope="col">Certificate</th><th scope="col">What</th></tr></thead>
          <tbody>
            {rows.map((d) => (
              <tr key={`${d.caseId}-${d.what}`}><td>{formatIsoDate(d.due)}{d.overdue ? ' — OVERDUE' : ''}</td><td className="code">{d.certificateNumber}</td><td>{d.what}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function LostView({ programId, user }: { programId: number; user: SessionUser }) {
  const { navigate } = useNavigation();
  const cases = useDeskQuery('lost.cases', { programId }, { topics: ['lost'] });
  const settings = useDeskQuery('lost.settings', { programId }, { topics: ['lost'] });
  const source = useArraySource(cases.data ?? [], (c: CaseView) => c.id);
  const open = (caseId: number) => navigate({ area: 'lost', programId, caseId });
  return (
    <>
      <h2>Lost certificates</h2>
      <OpenCaseForm programId={programId} onOpened={(c) => open(c.id)} />
      {cases.error ? <p className="form-problem" role="alert">{cases.error.message}</p> : null}
      {cases.data ? <Grid label="Cases" columns={CASE_COLUMNS} source={source} onOpen={(c) => open(c.id)} emptyText="No lost-certificate cases." /> : null}
      <Deadlines programId={programId} />
      {user.role !== 'clerk' && settings.isSuccess ? <SettingsForm programId={programId} current={settings.data} /> : null}
    </>
  );
}

/** Lost certificates: choose a program, its cases and deadlines, a case's page. */
export function LostArea({ user, route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'lost' ? route : { area: 'lost' as const };
  if (at.programId !== undefined && at.caseId !== undefined) return <CasePage caseId={at.caseId} user={user} onBack={() => navigate({ area: 'lost', programId: at.programId })} />;
  if (at.programId === undefined) return <ProgramPicker heading="Lost certificates" label="Programs" onOpen={(programId) => navigate({ area: 'lost', programId })} />;
  return <LostView programId={at.programId} user={user} />;
}
