import type { SessionStatus, SessionUser } from '../../../shared/ipc/types';

/** Which screen the session calls for. */
export type SessionView =
  | { readonly screen: 'loading' }
  | { readonly screen: 'unavailable'; readonly message: string }
  | { readonly screen: 'firstAdmin' }
  | { readonly screen: 'signIn'; readonly notice?: string }
  | { readonly screen: 'locked'; readonly user: SessionUser; readonly idleLockMinutes: number }
  | { readonly screen: 'shell'; readonly user: SessionUser; readonly idleLockMinutes: number };

export function viewForStatus(status: SessionStatus, notice?: string): SessionView {
  if (status.needsFirstAdmin) return { screen: 'firstAdmin' };
  if (status.user === null) return notice === undefined ? { screen: 'signIn' } : { screen: 'signIn', notice };
  const { user, idleLockMinutes } = status;
  return status.locked ? { screen: 'locked', user, idleLockMinutes } : { screen: 'shell', user, idleLockMinutes };
}

/** A signed-in view turned locked (after idle time or Ctrl+L); other views stay as they are. */
export function lockedView(view: SessionView): SessionView {
  return view.screen === 'shell' ? { screen: 'locked', user: view.user, idleLockMinutes: view.idleLockMinutes } : view;
}
