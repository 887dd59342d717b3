/**
 * An administrator's actions on one user, each a small form in a dialog: deactivate (with a
 * reason, kept in the journal), set a temporary password, change the role. Esc leaves each,
 * asking first when something was keyed; main checks the role and the rules again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { resetPasswordInput, ROLES, setUserActiveInput, setUserRoleInput, type Role } from '../../../../shared/ipc/schemas';
import type { UserSummary } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { Dialog } from '../../components/Dialog';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { invalidateTopics } from '../../frame/query';
import { ROLE_LABELS } from '../../lib/labels';
import { checkWith, formSchema } from '../../lib/validation';

export type UserAction = 'deactivate' | 'resetPassword' | 'role';

interface ActionProps {
  readonly user: UserSummary;
  /** `done` says whether the action was carried out (false: abandoned). */
  readonly onClose: (done: boolean) => void;
}

/**
 * Runs a channel call from a form: a refusal goes beside its field (or over the form) and to the
 * status line; once done, the form is emptied at once (nothing is left to abandon while the list reloads).
 */
function useActionCall(form: { showFieldProblem(name: string, message: string): boolean; reset(): void }, fieldOf: (path: string) => string) {
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (call: () => Promise<{ ok: true; value: UserSummary } | { ok: false; error: { message: string; field?: string } }>, done: (u: UserSummary) => string) => {
    setProblem(null);
    const result = await call();
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(fieldOf(result.error.field), result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    await invalidateTopics(queryClient, ['users']);
    status.report(done(result.value), 'done');
    return true;
  };
  return { problem, run };
}

type ReasonValues = { reason: string };
const reasonChecks = { reason: checkWith<ReasonValues>(setUserActiveInput.shape.reason.unwrap(), 'Reason for deactivating') };

function DeactivateForm({ user, onClose }: ActionProps) {
  const call = useDesk();
  const status = useStatus();
  const form = useEntryForm<ReasonValues>({ id: 'deactivate', initial: { reason: '' }, schema: formSchema<ReasonValues>(() => reasonChecks), onProblem: (m) => status.report(m, 'problem') });
  const { problem, run } = useActionCall(form, () => 'reason');
  const save = async () => {
    if (!(await form.checkForSave())) return false;
    const reason = form.values.reason;
    const ok = await run(() => call('users.setActive', { userId: user.id, active: false, reason }), (u) => `User ${u.username} deactivated: ${reason.trim()}.`);
    if (ok) onClose(true);
    return ok;
  };
  return (
    <EntryForm title={`Deactivate ${user.username}?`} onSave={save} onAbandon={() => onClose(false)} dirty={form.dirty} saveLabel="Deactivate" problem={problem}>
      <p>
        {user.displayName} can no longer sign in until reactivated; nothing of theirs is deleted. The reason goes into the journal.
      </p>
      <TextField label="Reason for deactivating" field={form.bind('reason')} autoFocus hint="A few words, e.g. Left the firm on 03/31" />
    </EntryForm>
  );
}

type PasswordValues = { password: string; confirm: string };
const passwordChecks = {
  password: checkWith<PasswordValues>(resetPasswordInput.shape.password, 'Temporary password'),
  confirm: (v: string, values: PasswordValues) => (v === '' ? 'Confirm temporary password is required' : v === values.password ? null : 'Confirm temporary password does not match'),
};

function ResetPasswordForm({ user, onClose }: ActionProps) {
  const call = useDesk();
  const status = useStatus();
  const form = useEntryForm<PasswordValues>({ id: 'reset-password', initial: { password: '', confirm: '' }, schema: formSchema<PasswordValues>(() => passwordChecks), onProblem: (m) => status.report(m, 'problem') });
  const { problem, run } = useActionCall(form, () => 'password');
  const save = async () => {
    if (!(await form.checkForSave())) return false;
    const password = form.values.password;
    const ok = await run(() => call('users.resetPassword', { userId: user.id, password }), (u) => `Temporary password set for ${u.username}; they choose their own at the next sign-in.`);
    if (ok) onClose(true);
    return ok;
  };
  return (
    <EntryForm title={`Reset the password of ${user.username}`} onSave={save} onAbandon={() => onClose(false)} dirty={form.dirty} saveLabel="Set temporary password" problem={problem}>
      <p>Tell {user.displayName} the temporary password in person; the desk asks them for a new one at their next sign-in.</p>
      <TextField label="Temporary password" type="password" field={form.bind('password')} autoFocus autoComplete="new-password" hint="At least 12 characters, not your user name or a common password" />
      <TextField label="Confirm temporary password" type="password" field={form.bind('confirm')} autoComplete="new-password" />
    </EntryForm>
  );
}

type RoleValues = { role: string };
const roleChecks = { role: checkWith<RoleValues>(setUserRoleInput.shape.role, 'Role') };
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

function RoleForm({ user, onClose }: ActionProps) {
  const call = useDesk();
  const status = useStatus();
  const form = useEntryForm<RoleValues>({ id: 'user-role', initial: { role: user.role }, schema: formSchema<RoleValues>(() => roleChecks), onProblem: (m) => status.report(m, 'problem') });
  const { problem, run } = useActionCall(form, () => 'role');
  const save = async () => {
    if (!(await form.checkForSave())) return false;
    const role = form.values.role as Role;
    const ok = await run(() => call('users.setRole', { userId: user.id, role }), (u) => `User ${u.username} is now ${ROLE_LABELS[u.role]} (was ${ROLE_LABELS[user.role]}).`);
    if (ok) onClose(true);
    return ok;
  };
  return (
    <EntryForm title={`Change the role of ${user.username}`} onSave={save} onAbandon={() => onClose(false)} dirty={form.dirty} saveLabel="Change role" problem={problem}>
      <SelectField label="Role" field={form.bind('role')} options={ROLE_OPTIONS} autoFocus hint={`Now ${ROLE_LABELS[user.role]}. C: clerk, S: supervisor, A: administrator`} />
    </EntryForm>
  );
}

const FORMS = { deactivate: DeactivateForm, resetPassword: ResetPasswordForm, role: RoleForm } as const;
const TITLES = { deactivate: 'Deactivate user', resetPassword: 'Reset password', role: 'Change role' } as const;

/** The dialog of one action; the focus goes back to the button that opened it when it closes. */
export function UserActionDialog({ action, user, onClose }: ActionProps & { action: UserAction }) {
  const Form = FORMS[action];
  return (
    <Dialog title={`${TITLES[action]}: ${user.displayName}`} onClose={() => onClose(false)} className="user-action">
      <Form user={user} onClose={onClose} />
    </Dialog>
  );
}
