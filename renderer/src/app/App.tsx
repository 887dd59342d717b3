import { useCallback, useEffect, useState } from 'react';
import type { DeskBridge } from '../../../shared/ipc/bridge';
import type { DeskResult } from '../../../shared/ipc/result';
import type { BookInfo } from '../../../shared/ipc/types';
import { getDesk } from '../desk';
import { JobsProvider } from '../frame/jobs';
import { preloadAreaScreens } from '../frame/registry';
import { messageOf } from '../lib/failure';
import { FirstStartScreen } from '../features/session/FirstStartScreen';
import { LockScreen } from '../features/session/LockScreen';
import { SignInScreen } from '../features/session/SignInScreen';
import { DeskProvider, type DeskCall } from './DeskContext';
import { BookChoiceDialog } from '../features/book/BookChoiceDialog';
import { Shell } from './Shell';
import { StatusProvider, useStatus } from './StatusContext';
import { StatusLine } from './StatusLine';
import { lockedView, viewForStatus, type SessionView } from './session';

export function App() {
  const desk = getDesk();
  if (!desk) {
    return (
      <main className="gate">
        <p className="product">Offering Desk</p>
        <p className="form-problem" role="alert">
          This screen works only inside the Offering Desk application.
        </p>
      </main>
    );
  }
  return (
    <StatusProvider>
      <Session desk={desk} />
    </StatusProvider>
  );
}

/** Decides which screen to show from main's session status, and keeps it current. */
function Session({ desk }: { desk: DeskBridge }) {
  const [view, setView] = useState<SessionView>({ screen: 'loading' });
  // Bumped when a restore replaces the book: the shell starts afresh on the restored data.
  const [bookTurn, setBookTurn] = useState(0);
  const status = useStatus();

  const invoke: DeskCall = useCallback(
    async (channel, input) => {
      try {
        return await desk.invoke(channel, input);
      } catch (thrown) {
        return { ok: false, error: { code: 'INTERNAL', message: messageOf(thrown) } } as DeskResult<never>;
      }
    },
    [desk],
  );

  // What opening the book found against this workstation's witness: on every screen, never dismissed.
  const [bookWarning, setBookWarning] = useState<string | null>(null);

  const refresh = useCallback(
    async (notice?: string) => {
      const result = await invoke('session.status', {});
      if (result.ok) setBookWarning(result.value.bookWarning);
      setView(result.ok ? viewForStatus(result.value, notice) : { screen: 'unavailable', message: result.error.message });
    },
    [invoke],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The areas' screens load while the clerk signs in, so the desk is ready to key into at once.
  useEffect(preloadAreaScreens, []);

  const call: DeskCall = useCallback(
    async (channel, input) => {
      const result = await invoke(channel, input);
      if (!result.ok && result.error.code === 'LOCKED') setView(lockedView);
      if (!result.ok && result.error.code === 'NOT_SIGNED_IN') void refresh('Your session has ended. Sign in again.');
      return result;
    },
    [invoke, refresh],
  );

  const lock = useCallback(
    async (why: string) => {
      const result = await call('session.lock', {});
      if (result.ok || result.error.code === 'LOCKED') {
        setView(lockedView);
        status.report(why, 'info');
      } else status.report(result.error.message, 'problem');
    },
    [call, status],
  );

  const signOut = useCallback(async () => {
    const result = await call('session.signOut', {});
    if (!result.ok) status.report(result.error.message, 'problem');
    else status.report('Signed out.', 'done');
    await refresh();
  }, [call, refresh, status]);

  const signedIn = view.screen === 'shell' || view.screen === 'locked' ? view : null;

  // File ▸ Connect to an office database… opens the form wherever the clerk is (not while locked).
  const [connecting, setConnecting] = useState(false);
  useEffect(() => desk.onCommand((command) => command === 'book:connect' && setConnecting(true)), [desk]);
  const bookChoice = { connecting, onConnectingChange: setConnecting };
  const bookChanged = useCallback(
    (info: BookInfo) => {
      setConnecting(false);
      setBookTurn((t) => t + 1);
      void refresh(`The desk is now on ${info.kind === 'postgres' ? 'the office database' : 'the book'} ${info.path}.`);
    },
    [refresh],
  );

  return (
    <DeskProvider call={call}>
      <JobsProvider signedIn={signedIn !== null && signedIn.screen === 'shell'}>
        <div className="app">
          {bookWarning ? (
            <p className="book-warning" role="alert">
              <strong>Warning about this book: </strong>
              {bookWarning}
            </p>
          ) : null}
          {view.screen === 'loading' ? <p className="gate-intro">Opening the book…</p> : null}
          {view.screen === 'unavailable' ? (
            <main className="gate">
              <p className="product">Offering Desk</p>
              <p className="form-problem" role="alert">
                The book cannot be opened: {view.message}
              </p>
            </main>
          ) : null}
          {view.screen === 'firstAdmin' ? <FirstStartScreen key={bookTurn} onCreated={() => void refresh()} onBookChanged={bookChanged} bookChoice={bookChoice} /> : null}
          {view.screen === 'signIn' ? <SignInScreen key={bookTurn} notice={view.notice} onSignedIn={() => void refresh()} onBookChanged={bookChanged} bookChoice={bookChoice} /> : null}
          {view.screen === 'shell' && connecting ? <BookChoiceDialog signedIn onBookChanged={bookChanged} onClose={() => setConnecting(false)} /> : null}
          {signedIn ? (
            <Shell
              key={`${signedIn.user.id}:${bookTurn}`}
              user={signedIn.user}
              idleLockMinutes={signedIn.idleLockMinutes}
              locked={signedIn.screen === 'locked'}
              onLock={(why) => void lock(why)}
              onSignOut={() => void signOut()}
              onBookReplaced={() => {
                setBookTurn((t) => t + 1);
                void refresh('The book was replaced from a backup. Sign in again.');
              }}
            />
          ) : null}
          {view.screen === 'locked' ? (
            <LockScreen user={view.user} onUnlocked={() => void refresh()} onSignOut={() => void signOut()} />
          ) : null}
          {view.screen !== 'shell' ? <StatusLine /> : null}
        </div>
      </JobsProvider>
    </DeskProvider>
  );
}
