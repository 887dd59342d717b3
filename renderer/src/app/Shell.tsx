import { useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../../shared/ipc/bridge';
import type { SessionUser } from '../../../shared/ipc/types';
import { getDesk } from '../desk';
import { AuditArea } from '../features/audit/AuditArea';
import { FindDialog } from '../features/find/FindDialog';
import { KeysOverlay } from '../features/help/KeysOverlay';
import { SetupArea, type ProgramRequest } from '../features/setup/SetupArea';
import { AREAS, areaById, areaForCommand, type AreaId } from '../lib/areas';
import { isMenuCommand } from '../lib/keys';
import { AreaNav } from './AreaNav';
import { AreaPanel } from './AreaPanel';
import { Header } from './Header';
import { NotAvailable } from './NotAvailable';
import { useStatus } from './StatusContext';
import { StatusLine } from './StatusLine';
import { useGlobalKeys } from './useGlobalKeys';
import { useIdleLock } from './useIdleLock';
import { useDesk } from './DeskContext';

interface ShellProps {
  readonly user: SessionUser;
  readonly idleLockMinutes: number;
  /** While locked the shell stays mounted (nothing keyed is lost) but hidden and inert. */
  readonly locked: boolean;
  /** Locks the desk; `why` goes to the status line. */
  readonly onLock: (why: string) => void;
  readonly onSignOut: () => void;
  readonly onBookReplaced: () => void;
}

type Overlay = 'keys' | 'find' | null;

export function Shell({ user, idleLockMinutes, locked, onLock, onSignOut, onBookReplaced }: ShellProps) {
  const status = useStatus();
  const [area, setArea] = useState<AreaId>('setup');
  // Areas once opened stay mounted (hidden), so switching away never loses what was keyed.
  const [opened, setOpened] = useState<ReadonlySet<AreaId>>(() => new Set<AreaId>(['setup']));
  const [focusTurn, setFocusTurn] = useState(0);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [programRequest, setProgramRequest] = useState<ProgramRequest | null>(null);
  const lastFocused = useRef<HTMLElement | null>(null);

  // Locking closes any overlay; unlocking puts the focus back where the clerk was.
  useEffect(() => {
    if (locked) setOverlay(null);
    else if (lastFocused.current?.isConnected) lastFocused.current.focus();
  }, [locked]);

  const goTo = useCallback((id: AreaId) => {
    setOverlay(null);
    setArea(id);
    setOpened((o) => (o.has(id) ? o : new Set(o).add(id)));
    setFocusTurn((t) => t + 1);
  }, []);

  const run = useCallback(
    (command: MenuCommand) => {
      const target = areaForCommand(command);
      if (target) return goTo(target.id);
      switch (command) {
        case 'find':
          return setOverlay((o) => (o === 'find' ? o : 'find'));
        case 'help:keys':
          return setOverlay((o) => (o === 'keys' ? null : 'keys'));
        case 'print':
          return status.report('Printing is not available yet.', 'info');
        case 'session:lock':
          return onLock('Locked.');
        case 'session:signOut':
          return onSignOut();
      }
    },
    [goTo, onLock, onSignOut, status],
  );

  useGlobalKeys(!locked, run);
  const call = useDesk();
  useIdleLock(
    !locked,
    idleLockMinutes,
    () => onLock(`Locked after ${idleLockMinutes} ${idleLockMinutes === 1 ? 'minute' : 'minutes'} without keyboard or mouse.`),
    () => void call('session.touch', {}),
  );

  useEffect(() => {
    const desk = getDesk();
    if (!desk || locked) return;
    return desk.onCommand((name) => {
      if (isMenuCommand(name)) run(name);
    });
  }, [locked, run]);

  const openProgram = (programId: number) => {
    setProgramRequest({ programId, turn: Date.now() });
    goTo('setup');
  };

  return (
    <div
      className="shell"
      hidden={locked}
      inert={locked}
      onFocus={(e) => {
        lastFocused.current = e.target;
      }}
    >
      <Header user={user} onLock={() => onLock('Locked.')} onSignOut={onSignOut} />
      <AreaNav current={area} onSelect={goTo} />
      <div className="area-host">
        {AREAS.filter((a) => opened.has(a.id)).map((a) => (
          <AreaPanel key={a.id} area={a} role={user.role} active={a.id === area} focusTurn={focusTurn}>
            {a.id === 'setup' ? <SetupArea user={user} programRequest={programRequest} /> : null}
            {a.id === 'audit' ? <AuditArea user={user} onBookReplaced={onBookReplaced} /> : null}
            {!a.built ? <NotAvailable area={areaById(a.id)} /> : null}
          </AreaPanel>
        ))}
      </div>
      <StatusLine />
      {overlay === 'keys' ? <KeysOverlay onClose={() => setOverlay(null)} /> : null}
      {overlay === 'find' ? (
        <FindDialog
          onClose={() => setOverlay(null)}
          onOpenProgram={(id) => {
            setOverlay(null);
            openProgram(id);
          }}
        />
      ) : null}
    </div>
  );
}
