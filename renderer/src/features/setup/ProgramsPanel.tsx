import { useLayoutEffect, useRef, useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useStatus } from '../../app/StatusContext';
import { useNavigation } from '../../frame/navigation';
import { useDeskQuery } from '../../frame/query';
import type { RouteOf } from '../../frame/routes';
import { NewProgramForm } from './NewProgramForm';
import { ProgramDetail } from './ProgramDetail';
import { ProgramList } from './ProgramList';

type ProgramRoute = Extract<RouteOf<'setup'>, { view: 'program' }>;

export function ProgramsPanel({ user, openProgram }: { user: SessionUser; openProgram: ProgramRoute | null }) {
  const status = useStatus();
  const { navigate } = useNavigation();
  const programs = useDeskQuery('programs.list', {}, { topics: ['programs'] });
  const [formOpen, setFormOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLTableElement>(null);
  const mayCreate = user.role !== 'clerk';
  const openId = openProgram?.programId ?? null;

  // Closing the form or the detail (also by Alt+Left) gives the focus back to what opened it, in the same commit.
  const focusAfterClose = useRef<HTMLElement | null>(null);
  const shownId = useRef(openId);
  useLayoutEffect(() => {
    if (shownId.current !== null && openId === null && !focusAfterClose.current) focusAfterClose.current = list.current;
    shownId.current = openId;
    const target = focusAfterClose.current;
    focusAfterClose.current = null;
    target?.focus();
  }, [formOpen, openId]);

  const closeForm = (discarded: boolean) => {
    if (discarded) status.report('New program abandoned; nothing was saved.', 'info');
    focusAfterClose.current = newButton.current;
    setFormOpen(false);
  };

  const closeDetail = () => {
    focusAfterClose.current = list.current;
    navigate({ area: 'setup', view: 'programs' });
  };

  return (
    <>
      {openProgram !== null ? <ProgramDetail route={openProgram} user={user} onBack={closeDetail} /> : null}
      <div hidden={openId !== null}>
        <h2>Programs</h2>
        {mayCreate ? (
          <div className="toolbar">
            <button ref={newButton} type="button" aria-expanded={formOpen} onClick={() => setFormOpen(true)}>
              New program
            </button>
          </div>
        ) : null}
        {mayCreate && formOpen ? <NewProgramForm onClose={closeForm} /> : null}
        {programs.error ? (
          <p className="form-problem" role="alert">
            The programs cannot be listed: {programs.error.message}
          </p>
        ) : null}
        {programs.isPending ? <p>Loading the programs…</p> : null}
        {programs.data ? (
          <ProgramList
            ref={list}
            programs={programs.data}
            onOpen={(programId) => navigate({ area: 'setup', view: 'program', programId })}
            emptyText={mayCreate ? 'No programs yet. Use New program to create one.' : 'No programs yet. A supervisor creates them.'}
          />
        ) : null}
      </div>
    </>
  );
}
