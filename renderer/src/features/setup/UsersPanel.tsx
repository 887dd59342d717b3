import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SessionUser, UserSummary } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { formatInstant } from '../../lib/dates';
import { ROLE_LABELS } from '../../lib/labels';
import { userOrder, withItem } from '../../lib/order';
import { NewUserForm } from './NewUserForm';

/** Administrators create users and turn them off or on again; nobody is deleted. */
export function UsersPanel({ self }: { self: SessionUser }) {
  const call = useDesk();
  const status = useStatus();
  const [users, setUsers] = useState<readonly UserSummary[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const focusNewButton = useRef(false);

  // Closing the form gives the focus back to the button that opened it, in the same commit.
  useLayoutEffect(() => {
    if (!formOpen && focusNewButton.current) newButton.current?.focus();
    focusNewButton.current = false;
  }, [formOpen]);

  const load = useCallback(async () => {
    const result = await call('users.list', {});
    if (result.ok) setUsers(result.value);
    else setLoadProblem(result.error.message);
  }, [call]);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = (user: UserSummary) => setUsers((us) => withItem(us, user, userOrder));

  const setActive = async (user: UserSummary, active: boolean) => {
    const result = await call('users.setActive', { userId: user.id, active });
    if (!result.ok) return status.report(result.error.message, 'problem');
    replace(result.value);
    status.report(`User ${user.username} ${active ? 'reactivated' : 'deactivated'}.`, 'done');
  };

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
          onCreated={(u) => setUsers((us) => withItem(us, u, userOrder))}
          onClose={(discarded) => {
            if (discarded) status.report('New user abandoned; nothing was saved.', 'info');
            focusNewButton.current = true;
            setFormOpen(false);
          }}
        />
      ) : null}
      {loadProblem ? (
        <p className="form-problem" role="alert">
          The users cannot be listed: {loadProblem}
        </p>
      ) : null}
      {users ? (
        <table className="grid">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Full name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                <td className="code">{u.username}</td>
                <td>{u.displayName}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.active ? 'Active' : 'Deactivated'}</td>
                <td>{formatInstant(u.createdAt)}</td>
                <td>
                  {u.id === self.id ? (
                    <span className="muted">You</span>
                  ) : (
                    <button type="button" onClick={() => void setActive(u, !u.active)}>
                      {u.active ? 'Deactivate' : 'Reactivate'} <span className="visually-hidden">{u.username}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
