import { describe, expect, it } from 'vitest';
import { currentRoute, describeRoute, goBack, goForward, openArea, pushRoute, startHistory, type Route } from './routes';

const programs: Route = { area: 'setup', view: 'programs' };
const program12: Route = { area: 'setup', view: 'program', programId: 12, section: 'terms' };

describe('memory history', () => {
  it('goes back and forward through the routes visited', () => {
    let h = startHistory(programs);
    h = pushRoute(h, program12);
    h = openArea(h, 'audit');
    expect(currentRoute(h)).toEqual({ area: 'audit' });
    h = goBack(h);
    expect(currentRoute(h)).toEqual(program12);
    h = goBack(h);
    expect(currentRoute(h)).toEqual(programs);
    expect(goBack(h)).toBe(h); // nothing before the first
    h = goForward(goForward(h));
    expect(currentRoute(h)).toEqual({ area: 'audit' });
    expect(goForward(h)).toBe(h);
  });

  it('remembers where each area was left, also after going back', () => {
    let h = pushRoute(startHistory(programs), program12);
    h = openArea(h, 'audit');
    h = openArea(h, 'setup');
    expect(currentRoute(h)).toEqual(program12);
    h = pushRoute(h, programs);
    h = goBack(h); // back on program 12: Setup is left there now
    h = openArea(openArea(h, 'audit'), 'setup');
    expect(currentRoute(h)).toEqual(program12);
  });

  it('drops the routes ahead when going somewhere new after going back, and ignores a repeat', () => {
    let h = pushRoute(startHistory(programs), program12);
    h = goBack(h);
    h = pushRoute(h, { area: 'setup', view: 'users' });
    expect(h.entries).toEqual([programs, { area: 'setup', view: 'users' }]);
    expect(pushRoute(h, { area: 'setup', view: 'users' })).toBe(h);
  });

  it('opens an area for the first time at its home', () => {
    expect(currentRoute(openArea(startHistory({ area: 'audit' }), 'setup'))).toEqual(programs);
  });

  it('says where the clerk is in words', () => {
    expect(describeRoute(program12)).toBe('Setup › program 12 › terms');
    expect(describeRoute({ area: 'lost' })).toBe('Lost certificates');
  });
});
