import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesk } from '../serve-desk';
import { openStore } from '../store/open-store';
import type { PrefsStore } from '../prefs/prefs';
import { deskFixture, fakeHost, type DeskFixture } from '../testing/desk-harness';
import { tempDir } from '../testing/temp';

let f: DeskFixture;
beforeEach(async () => {
  f = await deskFixture();
});
afterEach(async () => f.close());

describe('prefs.get / prefs.set', () => {
  it('are open before sign-in, and remember the book among the recent ones', async () => {
    const prefs = await f.value('prefs.get');
    expect(prefs).toMatchObject({ density: 'comfortable', printer: null });
    expect(await f.value('prefs.set', { density: 'compact', printer: 'Front office laser' })).toMatchObject({ density: 'compact', printer: 'Front office laser' });
    expect(await f.value('prefs.get')).toMatchObject({ density: 'compact', printer: 'Front office laser', recentBooks: [f.shownLocation] });
  });

  it('refuses an unknown density, naming the field', async () => {
    await f.refused('prefs.set', { density: 'tiny' }, 'INVALID_INPUT', 'density');
    await f.refused('prefs.set', { theme: 'dark' }, 'INVALID_INPUT', 'theme');
  });
});

describe('prefs that cannot be opened', () => {
  it('answer INTERNAL (logged), then are tried again on the next call', async () => {
    const t = tempDir();
    const fake = fakeHost();
    let attempts = 0;
    const store: PrefsStore = {
      get: () => ({ density: 'compact', printer: null, recentBooks: [] }),
      update: async () => ({ density: 'compact', printer: null, recentBooks: [] }),
      addRecentBook: async () => undefined,
      getLastBook: () => null,
      setLastBook: async () => undefined,
      getWindowBounds: () => null,
      setWindowBounds: async () => undefined,
      getWitnessedHead: () => null,
      witnessHead: async () => undefined,
      getSealedTinKey: () => null,
      setSealedTinKey: async () => undefined,
    };
    const bookPath = t.file('b.book');
    const desk = createDesk(
      { bookPath, prefsPath: t.file('p.json'), host: fake.host },
      await openStore(bookPath, { now: () => new Date() }),
      {
        openPrefs: async () => {
          attempts += 1;
          if (attempts <= 2) throw new Error('prefs file locked');
          return store;
        },
      },
    );
    try {
      await new Promise((r) => setTimeout(r, 10)); // let the opening attempt for the recent-books list fail
      expect(await desk.dispatch('prefs.get', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(fake.logged.map((l) => l.channel)).toEqual(['prefs.addRecentBook', 'prefs.get']);
      expect(await desk.dispatch('prefs.get', {})).toEqual({ ok: true, value: { density: 'compact', printer: null, recentBooks: [] } });
    } finally {
      await desk.close();
      t.cleanup();
    }
  });
});
