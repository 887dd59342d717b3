import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../../shared/ipc/bridge';
import type { SessionUser } from '../../../shared/ipc/types';
import { getDesk } from '../desk';
import { FindDialog } from '../features/find/FindDialog';
import { ChangePasswordScreen } from '../features/session/ChangePasswordScreen';
import { KeysOverlay } from '../features/help/KeysOverlay';
import { NavigationProvider, useNavigation } from '../frame/navigation';
import { createDeskQueryClient, useChangePushes } from '../frame/query';
import { AREA_SCREENS } from '../frame/registry';
import { areaHome, routeOfFound } from '../frame/routes';
import { AREAS, areaForCommand } from '../lib/areas';
import { isMenuCommand } from '../lib/keys';
import { AreaNav } from './AreaNav';
import { AreaPanel } from './AreaPanel';
import { useDesk } from './DeskContext';
import { useGuardedSignOut } from './DirtyForms';
import { Header } from './Header';
import { NotAvailable } from './NotAvailable';
import { useStatus } from './StatusContext';
import { StatusLine } from './StatusLine';
import { useGlobalKeys } from './useGlobalKeys';
import { useIdleLock } from './useIdleLock';

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

/** The signed-in desk: one query cache and one history per sign-in, so nothing outlives the session. */
export function Shell(props: ShellProps) {
  const [queryClient] = useState(createDeskQueryClient);
  // After a password reset the desk opens only once the user has chosen their own password.
  const [changed, setChanged] = useState<SessionUser | null>(null);
  const user = props.user.mustChangePassword && changed ? changed : props.user;
  if (user.mustChangePassword) {
    return (
      <div className="password-gate" hidden={props.locked} inert={props.locked}>
        <ChangePasswordScreen user={user} onChanged={setChanged} onSignOut={props.onSignOut} />
        <StatusLine />
      </div>
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <NavigationProvider start={areaHome('setup')}>
        <ShellFrame {...props} user={user} />
      </NavigationProvider>
    </QueryClientProvider>
  );
}

type Overlay = 'keys' | 'find' | null;

function ShellFrame({ user, idleLockMinutes, locked, onLock, onSignOut, onBookReplaced }: ShellProps) {
  const status = useStatus();
  const navigation = useNavigation();
  const area = navigation.route.area;
  // Areas once opened stay mounted (hidden), so switching away never loses what was keyed.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([area]));
  // Bumped on each change of area (and once at sign-in): the area's panel then takes the focus.
  const [focusTurn, setFocusTurn] = useState(1);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const shownArea = useRef(area);

  useChangePushes(locked);
  // Signing out asks first when a form holds keyed work (the menu's command and the header's button alike).
  const { request: requestSignOut, question: signOutQuestion } = useGuardedSignOut(onSignOut);
  const { clearProblem } = status;

  useEffect(() => {
    setOpened((o) => (o.has(area) ? o : new Set(o).add(area)));
    if (shownArea.current !== area) {
      shownArea.current = area;
      setOverlay(null);
      setFocusTurn((t) => t + 1);
      clearProblem(); // a problem of the area left behind is not one of the area shown
    }
  }, [area, clearProblem]);

  // Locking closes any overlay; unlocking puts the focus back where the clerk was.
  useEffect(() => {
    if (locked) setOverlay(null);
    else if (lastFocused.current?.isConnected) lastFocused.current.focus();
  }, [locked]);

  const run = useCallback(
    (command: MenuCommand) => {
      const target = areaForCommand(command);
      if (target) {
        setOverlay(null);
        // Ctrl+digit on the area already shown still puts the focus back into it.
        if (target.id === shownArea.current) setFocusTurn((t) => t + 1);
        return navigation.openArea(target.id);
      }
      switch (command) {
        case 'nav:back':
          return navigation.back();
        case 'nav:forward':
          return navigation.forward();
        case 'find':
          return setOverlay((o) => (o === 'find' ? o : 'find'));
        case 'help:keys':
          return setOverlay((o) => (o === 'keys' ? null : 'keys'));
        case 'print':
          return status.report('Printing is not available yet.', 'info');
        case 'session:lock':
          return onLock('Locked.');
        case 'session:signOut':
          return requestSignOut();
      }
    },
    [navigation, onLock, requestSignOut, status],
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

  const skipToContent = () => setFocusTurn((t) => t + 1);

  return (
    <div
      className="shell"
      hidden={locked}
      inert={locked}
      onFocus={(e) => {
        lastFocused.current = e.target;
      }}
    >
      <a
        className="skip-link"
        href="#area-host"
        onClick={(e) => {
          e.preventDefault();
          skipToContent();
        }}
      >
        Skip to content
      </a>
      <Header user={user} onLock={() => onLock('Locked.')} onSignOut={requestSignOut} />
      <AreaNav current={area} onSelect={(id) => run(AREAS.find((a) => a.id === id)!.command)} />
      <main className="area-host" id="area-host">
        {AREAS.filter((a) => opened.has(a.id)).map((a) => {
          const Screen = AREA_SCREENS[a.id];
          const route = navigation.history.lastByArea[a.id] ?? areaHome(a.id);
          return (
            <AreaPanel key={a.id} area={a} role={user.role} active={a.id === area} focusTurn={focusTurn}>
              {Screen ? (
                <Suspense fallback={<p>Loading {a.label}…</p>}>
                  <Screen user={user} route={route} onBookReplaced={onBookReplaced} />
                </Suspense>
              ) : (
                <NotAvailable area={a} />
              )}
            </AreaPanel>
          );
        })}
      </main>
      <StatusLine />
      {signOutQuestion}
      {overlay === 'keys' ? <KeysOverlay onClose={() => setOverlay(null)} /> : null}
      {overlay === 'find' ? (
        <FindDialog
          findsUsers={user.role === 'admin'}
          onClose={() => setOverlay(null)}
          onOpen={(item) => {
            setOverlay(null);
            navigation.navigate(routeOfFound(item));
          }}
        />
      ) : null}
    </div>
  );
}
