import { useState } from 'react';
import { unlockInput } from '../../../../shared/ipc/schemas';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { checkWith, formSchema } from '../../lib/validation';

type Values = { password: string };

interface DiscardAndSignOutProps {
  /** The user the desk is locked for, whose keyed work signing out would discard. */
  readonly user: SessionUser;
  readonly onSignOut: () => void;
  /** Esc or Cancel: nothing is discarded, the desk stays locked. */
  readonly onKeep: () => void;
}

/**
 * Signing out a locked desk that holds keyed work: only its user may discard that work, so their
 * password is asked for (main checks it, and journals a wrong one like any failed unlock).
 */
export function DiscardAndSignOut({ user, onSignOut, onKeep }: DiscardAndSignOutProps) {
  const call = useDesk();
  const status = useStatus();
  const label = `Password of ${user.displayName}`;
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({
    id: 'discard-sign-out',
    initial: { password: '' },
    schema: formSchema<Values>(() => ({ password: checkWith<Values>(unlockInput.shape.password, label) })),
    onProblem: (m) => status.report(m, 'problem'),
  });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const result = await call('session.unlock', { password: form.values.password });
    if (!result.ok) {
      form.reset();
      const message = `${result.error.message}: nothing was discarded, and the desk stays locked for ${user.displayName}`;
      setProblem(message);
      status.report(message, 'problem');
      return false;
    }
    form.reset();
    onSignOut();
    return true;
  };

  return (
    <>
      <p className="gate-intro" id="discard-sign-out-why">
        <strong>{user.displayName}</strong> ({user.username}) has keyed work that is not saved. Signing out discards the keyed work of {user.displayName}. Only{' '}
        {user.displayName} may do that: type their password to sign out and discard it, or press Esc to leave the desk locked for them.
      </p>
      <EntryForm title={`Sign out ${user.displayName} and discard their keyed work?`} onSave={save} onAbandon={onKeep} dirty={form.dirty} saveLabel="Sign out and discard" problem={problem}>
        <TextField label={label} type="password" field={form.bind('password')} autoFocus autoComplete="current-password" />
      </EntryForm>
    </>
  );
}
