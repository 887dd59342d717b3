import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CLERK, focusedLabel, key, launchChromium, menuCommand, must, openDeskPage, seedBook, signInWithKeys, statusText, type DeskPage } from './harness';

/** Ctrl+1, then Programs → Users → New program, as an administrator. */
async function openNewProgram(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await expect.poll(() => focusedLabel(page)).toBe('Programs');
  await key(page, '', 'Tab', 'Tab', 'Enter');
  await page.getByRole('heading', { name: 'New program' }).waitFor();
}

async function signedInAs(page: Page, who: { username: string; password: string; displayName: string }): Promise<void> {
  await signInWithKeys(page, who);
  await page.getByRole('banner').getByText(who.displayName).waitFor();
}

const signOutQuestion = (page: Page) => page.getByRole('alertdialog', { name: 'Sign out and abandon what you keyed?' });

describe('keyed work is never thrown away without asking', () => {
  let browser: Browser;
  let desk: DeskPage | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    if (desk) expect(desk.problems).toEqual([]);
    await desk?.close();
    desk = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks before signing out over a half-keyed form: N keeps keying, Y signs out', async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signedInAs(page, ADMIN);
    await openNewProgram(page);
    await key(page, 'r', 'Tab');
    await key(page, 'Half keyed program');

    await menuCommand(page, 'session:signOut');
    await signOutQuestion(page).waitFor();
    expect(await focusedLabel(page)).toBe('N Keep keying'); // the safe answer first
    await desk.shot('50-sign-out-question');
    await page.keyboard.press('n');
    await expect.poll(() => signOutQuestion(page).count()).toBe(0);
    expect(await page.getByLabel('Program name').inputValue()).toBe('Half keyed program');
    expect(await focusedLabel(page)).toBe('Program name');

    // The header's Sign out button asks the same; Esc means no.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).focus();
    await key(page, '', 'Enter');
    await signOutQuestion(page).waitFor();
    await key(page, '', 'Escape');
    await expect.poll(() => signOutQuestion(page).count()).toBe(0);
    expect(await page.getByLabel('Program name').inputValue()).toBe('Half keyed program');

    await menuCommand(page, 'session:signOut');
    await signOutQuestion(page).waitFor();
    await page.keyboard.press('y');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await statusText(page)).toBe('Done: Signed out.');
  });

  it('signs out at once when nothing is keyed', async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signedInAs(page, ADMIN);
    await openNewProgram(page); // opened, nothing keyed
    await menuCommand(page, 'session:signOut');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it("on the lock screen, keeps an away clerk's keyed work unless that clerk's password is given", async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signedInAs(page, ADMIN);
    await openNewProgram(page);
    await key(page, 'r', 'Tab');
    await key(page, 'Work of Ada');
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();

    // A colleague: "Not Ada? Sign out".
    await key(page, '', 'Tab', 'Tab', 'Enter');
    const title = page.getByRole('heading', { name: `Sign out ${ADMIN.displayName} and discard their keyed work?` });
    await title.waitFor();
    expect(await page.locator('#discard-sign-out-why').innerText()).toContain(`Signing out discards the keyed work of ${ADMIN.displayName}.`);
    expect(await focusedLabel(page)).toBe(`Password of ${ADMIN.displayName}`);
    await desk.shot('51-lock-sign-out-discard');

    await key(page, 'a-guess-at-it', 'Enter');
    await expect.poll(() => statusText(page)).toBe(`Problem: Password is not right: nothing was discarded, and the desk stays locked for ${ADMIN.displayName}`);
    expect(((await must(desk.bridge, 'session.status', {})) as { locked: boolean }).locked).toBe(true);
    await key(page, '', 'Escape'); // the password field is empty again: nothing to ask about
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    expect(await statusText(page)).toBe(`Nothing was discarded; the desk stays locked for ${ADMIN.displayName}.`);

    // Ada herself unlocks: her work is there.
    await key(page, ADMIN.password, 'Enter');
    await page.getByRole('heading', { name: 'New program' }).waitFor();
    expect(await page.getByLabel('Program name').inputValue()).toBe('Work of Ada');

    // Ada may discard her own work from the lock screen with her password.
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    await menuCommand(page, 'session:signOut'); // the menu's Sign out asks the same
    await title.waitFor();
    await key(page, ADMIN.password, 'Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signedInAs(page, CLERK);
  });

  it('lets a colleague sign out a locked desk at once when nothing is keyed', async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signedInAs(page, CLERK);
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Locked — enter your password' }).waitFor();
    await key(page, '', 'Tab', 'Tab', 'Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('does not ask "Abandon what you keyed?" on Esc right after a save, in the program and user forms', async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signedInAs(page, ADMIN);
    await openNewProgram(page);
    await key(page, 'o', 'Tab');
    await key(page, 'Microsoft odd-lot', 'Tab');
    await key(page, 'Microsoft Corp.', 'Tab');
    await key(page, '594918104', 'Tab');
    await key(page, '112024', 'Enter', 'Escape'); // saves, then Esc at once: closes once saved, without asking
    await expect.poll(() => statusText(page)).toContain('Program “Microsoft odd-lot” created');
    await expect.poll(() => page.getByRole('heading', { name: 'New program' }).count()).toBe(0);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByRole('grid', { name: /Programs/ }).getByText('Microsoft odd-lot').waitFor();

    expect(await focusedLabel(page)).toBe('New program'); // the focus is back on what opened the form
    await key(page, '', 'Shift+Tab', 'Enter', 'Tab', 'Enter'); // Users → New user
    await page.getByRole('heading', { name: 'New user' }).waitFor();
    await key(page, 'dora', 'Tab');
    await key(page, 'Dora Doe', 'Tab');
    await key(page, 'c', 'Tab');
    await key(page, 'violet-tram-ride-1', 'Tab');
    await key(page, 'violet-tram-ride-1', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: User dora (Clerk) created.');
    await page.getByRole('grid', { name: /Users/ }).getByText('Dora Doe').waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('User name'); // back on the first field for the next one
    await key(page, '', 'Escape'); // right after the save: nothing keyed since, so no question
    await expect.poll(() => page.getByRole('heading', { name: 'New user' }).count()).toBe(0);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await focusedLabel(page)).toBe('New user');
  });

  it('clears a stale problem from the status line on a change of area and on sign-out', async () => {
    desk = await openDeskPage(browser, { seed: seedBook });
    const { page } = desk;
    await signedInAs(page, ADMIN);
    await openNewProgram(page);
    await key(page, 'r', 'Tab', 'Tab', 'Tab');
    await key(page, '594918105', 'Tab'); // wrong check digit
    await expect.poll(() => statusText(page)).toMatch(/^Problem: CUSIP check digit/);
    await page.keyboard.press('Control+2');
    await expect.poll(() => statusText(page)).toBe('Ready.');
    await page.keyboard.press('Control+1');
    expect(await statusText(page)).toBe('Ready.'); // the problem stays beside its field, not in the status line

    await page.getByLabel('CUSIP').focus();
    await key(page, '', 'Control+a');
    await key(page, 'x', 'Tab'); // a fresh problem
    await expect.poll(() => statusText(page)).toMatch(/^Problem: /);
    await menuCommand(page, 'session:signOut');
    await signOutQuestion(page).waitFor();
    await page.keyboard.press('y');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await statusText(page)).toBe('Done: Signed out.');
    await signedInAs(page, ADMIN);
    expect(await statusText(page)).not.toMatch(/Problem/);
  });
});
