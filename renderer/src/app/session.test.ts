import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../shared/ipc/types';
import { lockedView, viewForStatus } from './session';

const user = { id: 1, username: 'ada', displayName: 'Ada Admin', role: 'admin' as const };
const status = (over: Partial<SessionStatus>): SessionStatus => ({
  needsFirstAdmin: false,
  user: null,
  locked: false,
  idleLockMinutes: 10,
  bookPath: '/tmp/x.book',
  bookWarning: null,
  ...over,
});

describe('viewForStatus', () => {
  it('asks for the administrator on first start, whatever else is set', () => {
    expect(viewForStatus(status({ needsFirstAdmin: true }))).toEqual({ screen: 'firstAdmin' });
  });
  it('asks to sign in when nobody is, carrying a notice', () => {
    expect(viewForStatus(status({}), 'Signed out')).toEqual({ screen: 'signIn', notice: 'Signed out' });
  });
  it('shows the shell or the lock screen for a signed-in user', () => {
    expect(viewForStatus(status({ user }))).toEqual({ screen: 'shell', user, idleLockMinutes: 10 });
    expect(viewForStatus(status({ user, locked: true }))).toEqual({ screen: 'locked', user, idleLockMinutes: 10 });
  });
});

describe('lockedView', () => {
  it('locks the shell and leaves the sign-in screen alone', () => {
    expect(lockedView({ screen: 'shell', user, idleLockMinutes: 5 })).toEqual({ screen: 'locked', user, idleLockMinutes: 5 });
    expect(lockedView({ screen: 'signIn' })).toEqual({ screen: 'signIn' });
  });
});
