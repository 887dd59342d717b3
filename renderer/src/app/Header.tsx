import type { SessionUser } from '../../../shared/ipc/types';
import { ROLE_LABELS } from '../lib/labels';

export function Header({ user, onLock, onSignOut }: { user: SessionUser; onLock: () => void; onSignOut: () => void }) {
  return (
    <header className="app-header">
      <p className="product">Offering Desk</p>
      <p className="who">
        <span className="who-name">{user.displayName}</span> <span className="who-user">({user.username})</span>{' '}
        <span className="role-badge">{ROLE_LABELS[user.role]}</span>
      </p>
      <div className="header-actions">
        <button type="button" onClick={onLock} aria-keyshortcuts="Control+L">
          Lock <kbd>Ctrl+L</kbd>
        </button>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
