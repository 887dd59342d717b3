import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { newUserInput, passwordSchema, ROLES, type Role } from '../../../../shared/ipc/schemas';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { invalidateTopics } from '../../frame/query';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { ROLE_LABELS } from '../../lib/labels';
import { checkWith, formSchema } from '../../lib/validation';
import { confirmMatches } from '../session/passwords';

type Values = { username: string; displayName: string; role: string; password: string; confirm: string };

const checks = {
  username: checkWith<Values>(newUserInput.shape.username, 'User name'),
  displayName: checkWith<Values>(newUserInput.shape.displayName, 'Full name'),
  role: checkWith<Values>(newUserInput.shape.role, 'Role'),
  password: checkWith<Values>(passwordSchema, 'Password'),
  confirm: confirmMatches,
};
const schema = formSchema<Values>(() => checks);

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function NewUserForm({ onClose }: { onClose: (discarded: boolean) => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({
    id: 'new-user',
    initial: { username: '', displayName: '', role: 'clerk', password: '', confirm: '' },
    schema,
    onProblem: (m) => status.report(m, 'problem'),
  });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const { username, displayName, role, password } = form.values;
    const result = await call('users.create', { username, displayName, role: role as Role, password });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    // Saved: nothing keyed is left to abandon, even while the list below is being fetched again.
    form.reset();
    // The list shows the new item before the focus goes back to the first field.
    await invalidateTopics(queryClient, ['users']);
    status.report(`User ${result.value.username} (${ROLE_LABELS[result.value.role]}) created.`, 'done');
    return true;
  };

  return (
    <EntryForm title="New user" onSave={save} onAbandon={onClose} dirty={form.dirty} saveLabel="Create user" problem={problem}>
      <TextField label="User name" field={form.bind('username')} autoFocus hint="Letters, digits, dot, dash or underscore" />
      <TextField label="Full name" field={form.bind('displayName')} />
      <SelectField label="Role" field={form.bind('role')} options={ROLE_OPTIONS} hint="C: clerk, S: supervisor, A: administrator" />
      <TextField label="Password" type="password" field={form.bind('password')} autoComplete="new-password" hint="At least 12 characters, not your user name or a common password" />
      <TextField label="Confirm password" type="password" field={form.bind('confirm')} autoComplete="new-password" />
    </EntryForm>
  );
}
