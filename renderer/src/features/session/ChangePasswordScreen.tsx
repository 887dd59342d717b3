import { useState } from 'react';
import { changePasswordInput } from '../../../../shared/ipc/schemas';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { checkWith, formSchema } from '../../lib/validation';

type Values = { currentPassword: string; newPassword: string; confirm: string };

const checks = {
  currentPassword: checkWith<Values>(changePasswordInput.shape.currentPassword, 'Temporary password'),
  newPassword: checkWith<Values>(changePasswordInput.shape.newPassword, 'New password'),
  confirm: (v: string, values: Values) => (v === '' ? 'Confirm new password is required' : v === values.newPassword ? null : 'Confirm new password does not match the new password'),
};
const schema = formSchema<Values>(() => checks);

const FIELD_OF: Readonly<Record<string, keyof Values>> = { currentPassword: 'currentPassword', newPassword: 'newPassword' };

interface ChangePasswordScreenProps {
  readonly user: SessionUser;
  readonly onChanged: (user: SessionUser) => void;
  readonly onSignOut: () => void;
}

/** After an administrator's reset: the user chooses their own password before anything else (main refuses every other channel). */
export function ChangePasswordScreen({ user, onChanged, onSignOut }: ChangePasswordScreenProps) {
  const call = useDesk();
  const status = useStatus();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: 'change-password', initial: { currentPassword: '', newPassword: '', confirm: '' }, schema, onProblem: (m) => status.report(m, 'problem') });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const { currentPassword, newPassword } = form.values;
    const result = await call('session.changePassword', { currentPassword, newPassword });
    if (!result.ok) {
      const field = result.error.field ? FIELD_OF[result.error.field] : undefined;
      if (!(field && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    status.report(`Password changed. Welcome, ${result.value.displayName}.`, 'done');
    onChanged(result.value);
    return true;
  };

  return (
    <main className="gate">
      <p className="product">Offering Desk</p>
      <p className="gate-intro">
        An administrator set a temporary password for <strong>{user.displayName}</strong> ({user.username}). Choose your own before you start.
      </p>
      <EntryForm title="Choose your own password" onSave={save} dirty={form.dirty} saveLabel="Change password" problem={problem}>
        <TextField label="Temporary password" type="password" field={form.bind('currentPassword')} autoFocus autoComplete="current-password" hint="The one the administrator gave you" />
        <TextField label="New password" type="password" field={form.bind('newPassword')} autoComplete="new-password" hint="At least 12 characters, not your user name or a common password" />
        <TextField label="Confirm new password" type="password" field={form.bind('confirm')} autoComplete="new-password" />
      </EntryForm>
      <p className="gate-alt">
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </p>
    </main>
  );
}
