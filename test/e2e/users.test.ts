import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CLERK, focusedLabel, key, launchChromium, menuCommand, must, openDeskPage, seedBook, signInWithKeys, statusText, type DeskPage } from './harness';

interface Entry {
  readonly action: string;
  readonly payload: Record<string, unknown>;
}
const journal = async (desk: DeskPage): Promise<Entry[]> => (await must(desk.bridge, 'journal.list', { limit: 20 })) as Entry[];

/** Ctrl+1 → Users → the users grid, on carl's row, as an administrator. */
async function toCarl(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await expect.poll(() => focusedLabel(page)).toMatch(/^(Programs|Users)$/);
  if ((await focusedLabel(page)) === 'Programs') await key(page, '', 'Tab');
  await key(page, '', 'Enter');
  await page.getByRole('row', { name: /carl/ }).waitFor();
  for (let i = 0; i < 5 && !(await focusedLabel(page)).startsWith('Users, '); i++) await key(page, '', 'Tab');
  expect(await focusedLabel(page)).toMatch(/^Users, \d/);
  await key(page, 'c'); // type-to-find carl
}

const problemBeside = async (page: Page, label: string): Promise<string> => {
  const describedBy = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? '') : '';
};

describe('an administrator looks after users', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { seed: seedBook });
    await signInWithKeys(desk.page, ADMIN);
    await desk.page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('shows when each user last signed in', async () => {
    const { page } = desk;
    await toCarl(page);
    const carl = page.getByRole('row', { name: /carl/ });
    expect(await carl.innerText()).toMatch(/Clerk\tActive\t[^\t]+\tNever\t/);
    const ada = page.getByRole('row', { name: /ada/ });
    expect(await ada.innerText()).not.toMatch(/\tNever\t/);
    expect(await page.getByRole('columnheader', { name: 'Last sign-in' }).count()).toBe(1);
  });

  it('deactivates only with a reason, kept in the journal; Esc abandons', async () => {
    const { page } = desk;
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Deactivate carl');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Deactivate carl?' }).waitFor();
    expect(await focusedLabel(page)).toBe('Reason for deactivating');
    await key(page, '', 'Enter'); // nothing keyed: refused beside the field
    await expect.poll(() => problemBeside(page, 'Reason for deactivating')).toBe('Reason for deactivating is required');
    await key(page, 'x', 'Enter');
    await expect.poll(() => problemBeside(page, 'Reason for deactivating')).toBe('Reason for deactivating: say why in a few words (at least 10 characters), e.g. Left the firm on 03/31');
    await desk.shot('52-deactivate-reason');
    await key(page, '', 'Escape', 'y'); // abandons what was keyed
    await expect.poll(() => page.getByRole('heading', { name: 'Deactivate carl?' }).count()).toBe(0);
    expect(await focusedLabel(page)).toBe('Deactivate carl');
    expect(await page.getByRole('row', { name: /carl/ }).innerText()).toMatch(/\tActive\t/);

    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Deactivate carl?' }).waitFor();
    await key(page, 'Moved to the Boston office', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: User carl deactivated: Moved to the Boston office.');
    await expect.poll(() => page.getByRole('row', { name: /carl/ }).innerText()).toMatch(/\tDeactivated\t/);
    expect(await focusedLabel(page)).toBe('Reactivate carl');
    expect((await journal(desk))[0]).toMatchObject({ action: 'user.deactivated', payload: { username: 'carl', reason: 'Moved to the Boston office' } });
    await key(page, '', 'Enter'); // reactivating needs no reason
    await expect.poll(() => page.getByRole('row', { name: /carl/ }).innerText()).toMatch(/\tActive\t/);
  });

  it('changes a role, journaled before and after', async () => {
    const { page } = desk;
    await key(page, '', 'Tab', 'Tab');
    expect(await focusedLabel(page)).toBe('Change role of carl');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Change the role of carl' }).waitFor();
    expect(await focusedLabel(page)).toBe('Role');
    await key(page, 's', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: User carl is now Supervisor (was Clerk).');
    await expect.poll(() => page.getByRole('row', { name: /carl/ }).innerText()).toMatch(/\tSupervisor\t/);
    expect((await journal(desk))[0]).toMatchObject({ action: 'user.roleChanged', payload: { username: 'carl', before: { role: 'clerk' }, after: { role: 'supervisor' } } });
  });

  it('resets a password; the user must choose their own at the next sign-in', async () => {
    const { page } = desk;
    await key(page, '', 'Shift+Tab');
    expect(await focusedLabel(page)).toBe('Reset password of carl');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Reset the password of carl' }).waitFor();
    await key(page, 'temporary-pass-1', 'Tab');
    await key(page, 'temporary-pass-2', 'Enter');
    await expect.poll(() => problemBeside(page, 'Confirm temporary password')).toBe('Confirm temporary password does not match');
    await key(page, '', 'Control+a');
    await key(page, 'temporary-pass-1', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: Temporary password set for carl; they choose their own at the next sign-in.');
    const [reset] = await journal(desk);
    expect(reset).toMatchObject({ action: 'user.passwordReset', payload: { username: 'carl', mustChangePassword: true } });
    expect(JSON.stringify(reset)).not.toContain('temporary-pass-1');

    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, { username: CLERK.username, password: 'temporary-pass-1' });
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    expect(await focusedLabel(page)).toBe('Temporary password');
    expect(await page.getByRole('navigation').count()).toBe(0); // no area until the password is changed
    await desk.shot('53-choose-own-password');
    await key(page, 'temporary-pass-1', 'Tab');
    await key(page, 'own-choice-of-seven-7', 'Tab');
    await key(page, 'own-choice-of-seven-7', 'Enter');
    await expect.poll(() => statusText(page)).toBe(`Done: Password changed. Welcome, ${CLERK.displayName}.`);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await page.getByRole('heading', { name: 'Programs' }).waitFor();

    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, { username: CLERK.username, password: 'own-choice-of-seven-7' });
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    expect(await page.getByRole('heading', { name: 'Choose your own password' }).count()).toBe(0);
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
