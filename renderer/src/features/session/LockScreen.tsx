import { useEffect, useRef, useState } from 'react';
import { unlockInput } from '../../../../shared/ipc/schemas';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useDirtyForms } from '../../app/DirtyForms';
import { getDesk } from '../../desk';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { checkWith, formSchema } from '../../lib/validation';
import { DiscardAndSignOut } from './DiscardAndSignOut';

type Values = { password: string };
const checks = { password: checkWith<Values>(unlockInput.shape.password, 'Password') };
const schema = formSchema<Values>(() => checks);

interface LockScreenProps {
  readonly user: SessionUser;
  readonly onUnlocked: () => void;
  readonly onSignOut: () => void;
}

/** Covers the screen after idle time or Ctrl+L; only the same user's password opens it. */
export function LockScreen({ user, onUnlocked, onSignOut }: LockScreenProps) {
  const call = useDesk();
  const status = useStatus();
  const dirtyForms = useDirtyForms();
  const [problem, setProblem] = useState<string | null>(null);
  // "Not you? Sign out" while the away user has keyed work: their password is asked for first.
  const [discarding, setDiscarding] = useState(false);
  const form = useEntryForm<Values>({ id: 'unlock', initial: { password: '' }, schema, onProblem: (m) => status.report(m, 'problem') });

  /**
   * A colleague at a locked desk may sign its user out to sign in themself, but must not throw away
   * the away clerk's half-keyed work by doing so: with something keyed, signing out needs that
   * clerk's own password (they may discard their own work; nobody else may). Otherwise the work
   * stays behind the lock until its clerk comes back.
   */
  const requestSignOut = () => {
    if (dirtyForms.anyDirty()) setDiscarding(true);
    else onSignOut();
  };
  const requestRef = useRef(requestSignOut);
  requestRef.current = requestSignOut;

  // The menu's Sign out still works while locked; every other command waits for the unlock.
  useEffect(
    () =>
      getDesk()?.onCommand((command) => {
        if (command === 'session:signOut') requestRef.current();
      }),
    [],
  );

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const result = await call('session.unlock', { password: form.values.password });
    if (!result.ok) {
      form.reset();
      setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    status.report(`Unlocked. Welcome back, ${result.value.displayName}.`, 'done');
    onUnlocked();
    return true;
  };

  if (discarding) {
    return (
      <main className="gate lock">
        <p className="product">Offering Desk</p>
        <DiscardAndSignOut
          user={user}
          onSignOut={onSignOut}
          onKeep={() => {
            setDiscarding(false);
            status.report(`Nothing was discarded; the desk stays locked for ${user.displayName}.`, 'info');
          }}
        />
      </main>
    );
  }

  return (
    <main className="gate lock">
      <p className="product">Offering Desk</p>
      <p className="gate-intro">
        The desk is locked while <strong>{user.displayName}</strong> ({user.username}) is away.
      </p>
      <EntryForm title="Locked — enter your password" onSave={save} dirty={form.dirty} saveLabel="Unlock" problem={problem}>
        <TextField label="Password" type="password" field={form.bind('password')} autoFocus autoComplete="current-password" />
      </EntryForm>
      <p className="gate-alt">
        Not {user.displayName}?{' '}
        <button type="button" className="link" onClick={requestSignOut}>
          Sign out
        </button>
      </p>
    </main>
  );
}
