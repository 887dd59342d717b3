import { describe, expect, it } from 'vitest';
import { Session } from './session';

const ada = { id: 1, username: 'ada', displayName: 'Ada', role: 'admin' as const };

describe('Session idle lock', () => {
  it('is judged on the injected monotonic clock only, whatever the wall clock does', () => {
    let ms = 1_000;
    const session = new Session(() => ms, 10);
    session.signIn(ada);
    ms += 9 * 60_000;
    expect(session.current().locked).toBe(false);
    session.touch();
    ms += 10 * 60_000 - 1;
    expect(session.current().locked).toBe(false);
    ms += 1;
    expect(session.current().locked).toBe(true);
  });
});
