import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../electron/desk/testing/test-database';
import { startBridge, type Bridge } from '../bridge/server';
import { ADMIN, focusedLabel, key, launchChromium, must, openDeskPage, signInWithKeys, type DeskPage } from './harness';

/** Another workstation: a desk of its own (its own bridge, session and prefs) on the same book. */
async function otherWorkstation(browser: Browser, bookPath: string): Promise<{ page: Page; bridge: Bridge; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-other-'));
  const bridge = await startBridge({ bookPath, prefsPath: path.join(dir, 'prefs.json'), backupDir: dir });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(bridge.url);
  return {
    page,
    bridge,
    close: async () => {
      await context.close();
      await bridge.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const programNames = (page: Page) => page.getByRole('grid', { name: /Programs/ }).locator('tbody tr[aria-rowindex] td:first-child');

async function newProgramWithKeys(page: Page, name: string, cusip: string): Promise<void> {
  await page.keyboard.press('Control+1');
  await expect.poll(() => focusedLabel(page)).toMatch(/^Programs/);
  await page.getByRole('button', { name: 'New program' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'New program' }).waitFor();
  await key(page, 'o', 'Tab');
  await key(page, name, 'Tab');
  await key(page, 'Office Issuer Inc.', 'Tab');
  await key(page, cusip, 'Tab');
  await key(page, '040124', 'Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toContain(`Program “${name}” created`);
}

describe('an office database: connected from the first-start screen, shared by two workstations', () => {
  let browser: Browser;
  let desk: DeskPage;
  let db: TestDatabase;
  let other: Awaited<ReturnType<typeof otherWorkstation>> | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    db = await testDatabase();
    desk = await openDeskPage(browser);
  });
  afterAll(async () => {
    await other?.close();
    await desk?.close();
    await db?.drop();
    await browser?.close();
  });

  it('connects a new workstation to the office database with the keyboard', async () => {
    const { page } = desk;
    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    await page.getByRole('button', { name: 'Connect to an office database…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Connect to an office database' }).waitFor();
    expect(await focusedLabel(page)).toBe('Host');
    const url = new URL(db.url);
    await key(page, url.hostname, 'Tab');
    await page.keyboard.press('Control+a');
    await key(page, url.port, 'Tab');
    await key(page, url.pathname.slice(1), 'Tab');
    await key(page, decodeURIComponent(url.username), 'Tab');
    await key(page, decodeURIComponent(url.password), 'Tab');
    await page.getByLabel('TLS').selectOption('disable'); // the test server has no certificate
    await page.getByLabel('TLS').focus();
    await desk.shot('40-connect-office');
    await key(page, '', 'Tab', 'Enter'); // past Remember (left unticked), Enter saves
    // The office's book is new: it asks for its administrator.
    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Connected to the office database postgres:\/\/.*\*\*\*/);
    expect(await page.getByRole('status').textContent()).not.toContain(decodeURIComponent(url.password));
    await key(page, ADMIN.username, 'Tab');
    await key(page, ADMIN.displayName, 'Tab');
    await key(page, ADMIN.password, 'Tab');
    await key(page, ADMIN.password, 'Enter');
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    expect((await desk.bridge.desk.dispatch('book.info', {})) as unknown).toMatchObject({ ok: true, value: { kind: 'postgres' } });
  });

  it('shows a program saved on one workstation on the other within a second, without reload', async () => {
    other = await otherWorkstation(browser, db.url);
    await other.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWithKeys(other.page, ADMIN);
    await other.page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    expect(await programNames(other.page).allInnerTexts()).toEqual([]);

    const started = Date.now();
    await newProgramWithKeys(desk.page, 'Office odd-lot', '594918 10 4');
    await expect.poll(() => programNames(other!.page).allInnerTexts(), { timeout: 1_000, interval: 20 }).toEqual(['Office odd-lot']);
    console.log(JSON.stringify({ figure: 'program on another workstation (PostgreSQL) after save', ms: Date.now() - started }));
    await desk.shot('41-office-program');
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
    expect(other?.bridge.loggedErrors).toEqual([]);
  });
});

describe('one book file, two workstations', () => {
  let browser: Browser;
  let desk: DeskPage;
  let other: Awaited<ReturnType<typeof otherWorkstation>> | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      seed: async (bridge) => {
        await must(bridge, 'session.createFirstAdmin', ADMIN);
        await must(bridge, 'session.signOut', {});
      },
    });
  });
  afterAll(async () => {
    await other?.close();
    await desk?.close();
    await browser?.close();
  });

  it('shows a program saved on one desk on another desk of the same file within a second', async () => {
    other = await otherWorkstation(browser, desk.bridge.bookPath);
    await other.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWithKeys(other.page, ADMIN);
    await other.page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    await desk.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWithKeys(desk.page, ADMIN);
    const started = Date.now();
    await newProgramWithKeys(desk.page, 'Shared-file odd-lot', '594918 10 4');
    await expect.poll(() => programNames(other!.page).allInnerTexts(), { timeout: 1_000, interval: 20 }).toEqual(['Shared-file odd-lot']);
    console.log(JSON.stringify({ figure: 'program on another desk of the same file after save', ms: Date.now() - started }));
  });
});
