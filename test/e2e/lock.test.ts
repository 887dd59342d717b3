import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../electron/desk/testing/temp';
import {
  ADMIN,
  CLERK,
  focusedLabel,
  key,
  launchChromium,
  menuCommand,
  must,
  openDeskPage,
  seedBook,
  signInWithKeys,
  statusText,
  type DeskPage,
} from './harness';

describe('locking', () => {
  let browser: Browser;
  let desk: DeskPage | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    if (desk) expect(desk.problems).toEqual([]); // no console error, page error or CSP violation
    await desk?.close();
    desk = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('locks after the idle minutes with nobody at the keyboard, and keeps what was keyed', async () => {
    desk = await openDeskPage(browser, { seed: seedBook, idleLockMinutes: 5, fakePageClock: true });
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    await page.keyboard.press('Control+1');
    await key(page, '', 'Tab', 'Tab', 'Enter'); // New program
    await key(page, 'r', 'Tab');
    await key(page, 'Half keyed program');

    await page.clock.fastForward('04:50'); // not yet
    expect(await page.getByRole('heading', { name: 'Locked — enter your password' }).count()).toBe(0);
    await page.clock.fastForward('00:15');
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    expect(await page.locator('.gate-intro').innerText()).toBe(`The desk is locked while ${ADMIN.displayName} (${ADMIN.username}) is away.`);
    expect(await statusText(page)).toBe('Locked after 5 minutes without keyboard or mouse.');
    expect(await focusedLabel(page)).toBe('Password');
    expect(await page.locator('.shell').isVisible()).toBe(false);
    expect(((await must(desk.bridge, 'session.status', {})) as { locked: boolean }).locked).toBe(true);
    await desk.shot('30-locked');

    await key(page, 'wrong password 1', 'Enter');
    await page.getByRole('alert').waitFor();
    expect(await statusText(page)).toMatch(/^Problem: /);

    await key(page, ADMIN.password, 'Enter');
    await page.getByRole('heading', { name: 'New program' }).waitFor();
    expect(await page.getByLabel('Program name').inputValue()).toBe('Half keyed program');
    expect(await focusedLabel(page)).toBe('Program name');
    expect(await statusText(page)).toBe(`Done: Unlocked. Welcome back, ${ADMIN.displayName}.`);
  });

  it('locks at once with Ctrl+L and with the menu command', async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    await key(page, CLERK.password, 'Enter');
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();

    await menuCommand(page, 'session:lock');
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    // Area commands and keys do nothing while locked; the menu's Sign out still works.
    await menuCommand(page, 'area:audit');
    await page.keyboard.press('Control+1');
    expect(await page.locator('.shell').isVisible()).toBe(false);
    expect(await focusedLabel(page)).toBe('Password');
    await menuCommand(page, 'session:signOut');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('shows the lock screen when main has locked the session on its own clock', async () => {
    const clock = fakeClock();
    desk = await openDeskPage(browser, { seed: seedBook, now: clock.now, idleClock: clock.monotonic, idleLockMinutes: 10 });
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    clock.advanceMinutes(11);
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Find' }).waitFor();
    await key(page, 'app'); // the find box asks main: LOCKED
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    expect(await page.getByRole('dialog', { name: 'Find' }).isVisible()).toBe(false);
    await key(page, CLERK.password, 'Enter');
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    expect(await page.getByRole('dialog', { name: 'Find' }).count()).toBe(0); // closed by the lock
    expect(((await must(desk.bridge, 'session.status', {})) as { locked: boolean }).locked).toBe(false);
  });

  it('signs out from the lock screen so someone else can sign in', async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    await key(page, '', 'Tab', 'Tab', 'Enter'); // Unlock → Sign out
    await signInWithKeys(page, ADMIN);
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
  });
});
