import { useEffect, useState } from 'react';
import { unlockInput } from '../../../../shared/ipc/schemas';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { getDesk } from '../../desk';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { checkWith, formSchema } from '../../lib/validation';

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
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: 'unlock', initial: { password: '' }, schema, onProblem: (m) => status.report(m, 'problem') });

  // The menu's Sign out still works while locked; every other command waits for the unlock.
  useEffect(
    () =>
      getDesk()?.onCommand((command) => {
        if (command === 'session:signOut') onSignOut();
      }),
    [onSignOut],
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
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </p>
    </main>
  );
}
