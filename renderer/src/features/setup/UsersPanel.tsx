import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SessionUser, UserSummary } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { invalidateTopics, useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { ROLE_LABELS } from '../../lib/labels';
import { NewUserForm } from './NewUserForm';
import { UserActionDialog, type UserAction } from './UserActions';

const keyOf = (u: UserSummary) => u.id;

/** Administrators create users, turn them off (with a reason) or on again, unlock them after failed sign-ins, reset passwords and change roles; nobody is deleted. */
export function UsersPanel({ self }: { self: SessionUser }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const users = useDeskQuery('users.list', {}, { topics: ['users'] });
  const source = useArraySource(users.data ?? [], keyOf);
  const [formOpen, setFormOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const focusNewButton = useRef(false);
  const [acting, setActing] = useState<{ action: UserAction; user: UserSummary } | null>(null);
  // The button that opened an action takes the focus back once its dialog (and any question in it) is gone.
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (acting || !opener.current) return;
    if (opener.current.isConnected) opener.current.focus();
    opener.current = null;
  }, [acting]);

  // Closing the form gives the focus back to the button that opened it, in the same commit.
  useLayoutEffect(() => {
    if (!formOpen && focusNewButton.current) newButton.current?.focus();
    focusNewButton.current = false;
  }, [formOpen]);

  const columns = useMemo<readonly GridColumn<UserSummary>[]>(() => {
    // Reactivating is done at once; deactivating asks for a reason first (kept in the journal).
    const reactivate = async (user: UserSummary) => {
      const result = await call('users.setActive', { userId: user.id, active: true });
      if (!result.ok) return status.report(result.error.message, 'problem');
      await invalidateTopics(queryClient, ['users']);
      status.report(`User ${user.username} reactivated.`, 'done');
    };
    // Lifting a lockout is done at once too: the administrator has already spoken to the user.
    const unlock = async (user: UserSummary) => {
      const result = await call('users.unlock', { userId: user.id });
      if (!result.ok) return status.report(result.error.message, 'problem');
      await invalidateTopics(queryClient, ['users']);
      status.report(`User ${user.username} unlocked; they may sign in again.`, 'done');
    };
    const act = (action: UserAction, user: UserSummary) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setActing({ action, user });
    };
    return [
      { id: 'username', header: 'User name', cell: (u) => u.username, text: (u) => u.username, className: 'code' },
      { id: 'displayName', header: 'Full name', cell: (u) => u.displayName },
      { id: 'role', header: 'Role', cell: (u) => ROLE_LABELS[u.role] },
      { id: 'state', header: 'State', cell: (u) => (!u.active ? 'Deactivated' : u.lockedAt ? `Locked out since ${formatInstant(u.lockedAt)}` : 'Active') },
      // The day is enough for when a user was created (New York date); the time of the last sign-in matters more.
      { id: 'created', header: 'Created', cell: (u) => formatInstant(u.createdAt).split(' ')[0] },
      { id: 'lastSignIn', header: 'Last sign-in', cell: (u) => (u.lastSignedInAt ? formatInstant(u.lastSignedInAt) : 'Never') },
      {
        id: 'action',
        header: <span className="visually-hidden">Action</span>,
        // Only the focused row's button is a Tab stop: Tab from the grid reaches it, not every row's.
        cell: (u, selected) =>
          u.id === self.id ? (
            <span className="muted">You</span>
          ) : (
            <span className="row-actions">
              {u.lockedAt ? (
                <button type="button" tabIndex={selected ? 0 : -1} onClick={() => void unlock(u)}>
                  Unlock <span className="visually-hidden">{u.username}</span>
                </button>
              ) : null}
              <button type="button" tabIndex={selected ? 0 : -1} onClick={() => (u.active ? act('deactivate', u) : void reactivate(u))}>
                {u.active ? 'Deactivate' : 'Reactivate'} <span className="visually-hidden">{u.username}</span>
              </button>
              <button type="button" tabIndex={selected ? 0 : -1} onClick={() => act('resetPassword', u)}>
                Reset password <span className="visually-hidden">of {u.username}</span>
              </button>
              <button type="button" tabIndex={selected ? 0 : -1} onClick={() => act('role', u)}>
                Change role <span className="visually-hidden">of {u.username}</span>
              </button>
            </span>
          ),
      },
    ];
  }, [call, queryClient, self.id, status]);

  return (
    <div>
      <h2>Users</h2>
      <div className="toolbar">
        <button ref={newButton} type="button" aria-expanded={formOpen} onClick={() => setFormOpen(true)}>
          New user
        </button>
      </div>
      {formOpen ? (
        <NewUserForm
          onClose={(discarded) => {
            if (discarded) status.report('New user abandoned; nothing was saved.', 'info');
            focusNewButton.current = true;
            setFormOpen(false);
          }}
        />
      ) : null}
      {users.error ? (
        <p className="form-problem" role="alert">
          The users cannot be listed: {users.error.message}
        </p>
      ) : null}
      {acting ? (
        <UserActionDialog
          action={acting.action}
          user={acting.user}
          onClose={(done) => {
            if (!done) status.report('Nothing was changed.', 'info');
            setActing(null);
          }}
        />
      ) : null}
      {users.data ? <Grid label="Users" columns={columns} source={source} emptyText="No users yet." rowClassName={(u) => (u.active ? undefined : 'inactive')} /> : null}
    </div>
  );
}
