import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ProgramSummary, SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { programOrder, withItem } from '../../lib/order';
import { NewProgramForm } from './NewProgramForm';
import { ProgramDetail } from './ProgramDetail';
import { ProgramList } from './ProgramList';
import type { ProgramRequest } from './SetupArea';

export function ProgramsPanel({ user, programRequest }: { user: SessionUser; programRequest: ProgramRequest | null }) {
  const call = useDesk();
  const status = useStatus();
  const [programs, setPrograms] = useState<readonly ProgramSummary[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLTableElement>(null);
  const mayCreate = user.role !== 'clerk';

  const load = useCallback(async () => {
    const result = await call('programs.list', {});
    if (result.ok) {
      setPrograms(result.value);
      setLoadProblem(null);
    } else setLoadProblem(result.error.message);
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (programRequest) setOpenId(programRequest.programId);
  }, [programRequest]);

  // Closing the form or the detail gives the focus back to what opened it, in the same commit.
  const focusAfterClose = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
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
    setOpenId(null);
  };

  return (
    <>
      {openId !== null ? <ProgramDetail programId={openId} user={user} onBack={closeDetail} /> : null}
      <div hidden={openId !== null}>
        <h2>Programs</h2>
        {mayCreate ? (
          <div className="toolbar">
            <button ref={newButton} type="button" aria-expanded={formOpen} onClick={() => setFormOpen(true)}>
              New program
            </button>
          </div>
        ) : null}
        {mayCreate && formOpen ? (
          <NewProgramForm onCreated={(p) => setPrograms((ps) => withItem(ps, p, programOrder))} onClose={closeForm} />
        ) : null}
        {loadProblem ? (
          <p className="form-problem" role="alert">
            The programs cannot be listed: {loadProblem}
          </p>
        ) : null}
        {programs === null && !loadProblem ? <p>Loading the programs…</p> : null}
        {programs !== null ? (
          <ProgramList
            ref={list}
            programs={programs}
            onOpen={setOpenId}
            emptyText={mayCreate ? 'No programs yet. Use New program to create one.' : 'No programs yet. A supervisor creates them.'}
          />
        ) : null}
      </div>
    </>
  );
}
