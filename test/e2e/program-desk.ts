import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { ADMIN, focusedLabel, key, must, openDeskPage, type DeskPage } from './harness';

export interface ProgramDeskOptions {
  readonly program: Readonly<Record<string, unknown>>;
  readonly terms: Readonly<Record<string, unknown>>;
  /** The book's TIN key for the run (OFFERING_DESK_TIN_KEY), one byte repeated. */
  readonly tinKeyByte: number;
  /** What main's open dialog answers; may be set once the book's folder is known. */
  readonly openPath?: string | ((bookFolder: string) => string);
  /** More setting of the scene, signed in as the administrator, with the open dialog's answer set. */
  readonly more?: (bridge: DeskPage['bridge'], programId: number) => Promise<void>;
}

/**
 * A desk whose book has the first administrator (signed out again) and one program with its
 * terms, and a TIN key in the environment: where the register and certificate screens start.
 */
export async function openProgramDesk(browser: Browser, options: ProgramDeskOptions): Promise<{ desk: DeskPage; openPath: string | null }> {
  process.env.OFFERING_DESK_TIN_KEY = Buffer.alloc(32, options.tinKeyByte).toString('base64');
  let openPath: string | null = null;
  const desk = await openDeskPage(browser, {
    seed: async (bridge) => {
      await must(bridge, 'session.createFirstAdmin', ADMIN);
      const created = (await must(bridge, 'programs.create', options.program)) as { id: number };
      await must(bridge, 'terms.record', { programId: created.id, reason: 'Original terms', terms: options.terms });
      const given = options.openPath;
      openPath = typeof given === 'function' ? given(bridge.bookPath.replace(/[/\\][^/\\]+$/, '')) : (given ?? null);
      bridge.setOpenPath(openPath);
      await options.more?.(bridge, created.id);
      await must(bridge, 'session.signOut', {});
    },
  });
  return { desk, openPath };
}

export async function closeProgramDesk(desk: DeskPage | undefined, browser: Browser | undefined): Promise<void> {
  await desk?.close();
  await browser?.close();
  delete process.env.OFFERING_DESK_TIN_KEY;
}

/** Tabs (or Shift+Tabs) until the focus is on `label`; fails naming where it stopped. */
export async function tabTo(desk: DeskPage, label: string, back = false): Promise<void> {
  for (let i = 0; i < 60 && (await focusedLabel(desk.page)) !== label; i++) await key(desk.page, '', back ? 'Shift+Tab' : 'Tab');
  expect(await focusedLabel(desk.page)).toBe(label);
}
