import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CLERK, SUPERVISOR, focusedLabel, key, launchChromium, menuCommand, openDeskPage, signInWithKeys, type DeskPage } from './harness';

// One clerk's day one, keyboard only: first start, users, a program, and the clerk's view.
describe('first run, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser);
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('creates the first administrator', async () => {
    const { page } = desk;
    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    expect(await focusedLabel(page)).toBe('User name');
    await desk.shot('01-first-start');
    await key(page, ADMIN.username, 'Tab');
    await key(page, ADMIN.displayName, 'Tab');
    await key(page, ADMIN.password, 'Tab');
    await key(page, ADMIN.password, 'Enter');
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Administrator Ada Lovelace created');
  });

  it('signs out and signs in again as the administrator', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await focusedLabel(page)).toBe('User name');
    await desk.shot('02-sign-in');
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => page.locator('.who').textContent()).toBe(`${ADMIN.displayName} (${ADMIN.username}) Administrator`);
    // All ten areas with their shortcuts.
    const nav = page.getByRole('navigation', { name: 'Areas' });
    expect(await nav.getByRole('button').allTextContents()).toEqual([
      'SetupCtrl+1', 'RegisterCtrl+2', 'CertificatesCtrl+3', 'IntakeCtrl+4', 'PaymentsCtrl+5',
      'QueueCtrl+6', 'Lost certificatesCtrl+7', 'ReportsCtrl+8', 'CloseCtrl+9', 'AuditCtrl+0',
    ]);
    await desk.shot('03-shell-admin');
  });

  it('creates a clerk and a supervisor, one after the other', async () => {
    const { page } = desk;
    await page.keyboard.press('Control+1');
    expect(await focusedLabel(page)).toBe('Programs');
    await key(page, '', 'Tab', 'Enter'); // Users
    await page.getByRole('heading', { name: 'Users', level: 2 }).waitFor();
    await key(page, '', 'Tab', 'Enter'); // New user
    await page.getByRole('heading', { name: 'New user' }).waitFor();
    expect(await focusedLabel(page)).toBe('User name');

    await key(page, CLERK.username, 'Tab');
    await key(page, CLERK.displayName, 'Tab');
    await key(page, 'c', 'Tab'); // Role: Clerk
    await key(page, CLERK.password, 'Tab');
    await key(page, CLERK.password, 'Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('User carl (Clerk) created');
    // After a save the focus is back on the first field, which is empty again.
    expect(await focusedLabel(page)).toBe('User name');
    expect(await page.getByLabel('User name').inputValue()).toBe('');

    await key(page, SUPERVISOR.username, 'Tab');
    await key(page, SUPERVISOR.displayName, 'Tab');
    await key(page, 's', 'Tab'); // Role: Supervisor
    await key(page, SUPERVISOR.password, 'Tab');
    await key(page, SUPERVISOR.password);
    await desk.shot('04-new-user-form');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('User sam (Supervisor) created');

    await page.keyboard.press('Escape'); // nothing keyed since the save: closes without asking
    await expect.poll(() => page.getByRole('heading', { name: 'New user' }).count()).toBe(0);
    expect(await focusedLabel(page)).toBe('New user');
    const rows = page.locator('table.grid tbody tr');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/^ada\tAda Lovelace\tAdministrator\tActive/),
      expect.stringMatching(/^carl\tCarl Clerk\tClerk\tActive/),
      expect.stringMatching(/^sam\tSam Supervisor\tSupervisor\tActive/),
    ]);
    await desk.shot('05-users');
  });

  it('creates a program with a real CUSIP and a keyed date', async () => {
    const { page } = desk;
    await key(page, '', 'Shift+Tab', 'Shift+Tab', 'Enter'); // back to the Programs tab
    await key(page, '', 'Tab', 'Tab', 'Enter'); // New program
    await page.getByRole('heading', { name: 'New program' }).waitFor();
    expect(await focusedLabel(page)).toBe('Kind');
    await key(page, 'r', 'Tab');
    await key(page, 'Apple rights 2024', 'Tab');
    await key(page, 'Apple Inc.', 'Tab');
    await key(page, '037833100', 'Tab');
    await key(page, '031524');
    await desk.shot('06-new-program-form');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Program “Apple rights 2024” created (CUSIP 037833100)');
    expect(await focusedLabel(page)).toBe('Kind');
    await page.keyboard.press('Escape'); // nothing keyed since the save: closes without asking
    await expect.poll(() => page.getByRole('heading', { name: 'New program' }).count()).toBe(0);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await focusedLabel(page)).toBe('New program');
    const grid = page.getByRole('grid', { name: /Programs/ });
    expect(await grid.locator('tbody tr').allInnerTexts()).toEqual(['Apple rights 2024\tRights offering\tApple Inc.\t037833100\t03/15/2024']);
    await desk.shot('07-programs-admin');
  });

  it('lets the clerk see the program, without New program or Users', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await page.keyboard.press('Control+1');
    const grid = page.getByRole('grid', { name: /Programs/ });
    await grid.waitFor();
    expect(await focusedLabel(page)).toBe('Programs, 1');
    expect(await grid.locator('tbody tr').allInnerTexts()).toEqual(['Apple rights 2024\tRights offering\tApple Inc.\t037833100\t03/15/2024']);
    expect(await page.getByRole('button', { name: 'New program' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Users' }).count()).toBe(0);
    await desk.shot('08-programs-clerk');

    await page.keyboard.press('Enter'); // opens the selected program
    await page.getByRole('heading', { name: 'Apple rights 2024', level: 2 }).waitFor();
    expect(await page.locator('dl.facts').innerText()).toContain('037833100');
    await desk.shot('09-program-detail');
    await page.keyboard.press('Escape');
    await grid.waitFor();
    expect(await focusedLabel(page)).toBe('Programs, 1');
  });

  it('keeps Audit from the clerk and shows areas not built yet plainly', async () => {
    const { page } = desk;
    await page.keyboard.press('Control+0');
    await page.getByText('The Audit area is for supervisors and administrators.').waitFor();
    await page.keyboard.press('Control+6'); // the supervisor's queue
    await page.getByText('The Queue area is for supervisors and administrators.').waitFor();
    await page.keyboard.press('Control+9'); // an area not built yet: Close
    await page.getByText('Close: not available yet.').waitFor();
    await desk.shot('10-not-available');
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
