import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
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

const problemOf = async (page: Page, label: string): Promise<{ invalid: string | null; text: string }> => {
  const input = page.getByLabel(label, { exact: true });
  const invalid = await input.getAttribute('aria-invalid');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  const text = errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? '') : '';
  return { invalid, text };
};

describe('forms, finding and keys', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { seed: seedBook });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('refuses a wrong password with a message, and clears the password', async () => {
    const { page } = desk;
    await signInWithKeys(page, { username: ADMIN.username, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\S/);
    expect(await statusText(page)).toContain(`Problem: ${await alert.textContent()}`);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBeNull(); // cleared, not scolded
    expect(await focusedLabel(page)).toBe('Password');
    await desk.shot('20-sign-in-refused');
    await key(page, ADMIN.password, 'Enter');
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
  });

  it('names the field beside it when the CUSIP check digit or the date is wrong', async () => {
    const { page } = desk;
    await page.keyboard.press('Control+1');
    await key(page, '', 'Tab', 'Tab', 'Enter'); // Programs → Users → New program
    await page.getByRole('heading', { name: 'New program' }).waitFor();
    await key(page, 'o', 'Tab');
    await key(page, 'Microsoft odd-lot', 'Tab');
    await key(page, 'Microsoft Corp.', 'Tab');
    await key(page, '594918105', 'Tab'); // the real one ends in 4

    const cusip = await problemOf(page, 'CUSIP');
    expect(cusip).toEqual({ invalid: 'true', text: 'CUSIP check digit does not match: check the nine characters' });
    expect(await statusText(page)).toBe('Problem: CUSIP check digit does not match: check the nine characters');
    expect(await focusedLabel(page)).toBe('Record date'); // the problem did not pull the focus back

    await key(page, '023024', 'Shift+Tab');
    expect(await problemOf(page, 'Record date')).toEqual({ invalid: 'true', text: 'Record date: 02/30/2024 is not a real calendar date' });
    await key(page, '', 'Tab', 'Control+a');
    await key(page, '3152024', 'Shift+Tab');
    expect((await problemOf(page, 'Record date')).text).toBe('Record date must be MMDDYY, MMDDYYYY or MM/DD/YYYY');
    await desk.shot('21-validation');

    // Saving with problems saves nothing and takes the clerk to the first one.
    await page.keyboard.press('Control+Enter');
    expect(await focusedLabel(page)).toBe('CUSIP');
    expect(await statusText(page)).toContain('CUSIP check digit does not match');
    expect(((await must(desk.bridge, 'programs.list', {})) as unknown[]).length).toBe(1);

    await key(page, '', 'Control+a');
    await key(page, '594918104', 'Tab');
    expect((await problemOf(page, 'CUSIP')).invalid).toBeNull();
    await key(page, '', 'Control+a');
    await key(page, '11/20/2024', 'Enter');
    await expect.poll(() => statusText(page)).toContain('Program “Microsoft odd-lot” created (CUSIP 594918104)');
    const rows = await page.getByRole('grid', { name: /Programs/ }).locator('tbody tr').allInnerTexts();
    expect(rows).toEqual([
      'Microsoft odd-lot\tOdd-lot program\tMicrosoft Corp.\t594918104\t11/20/2024', // latest record date first, as main lists them
      'Apple rights 2024\tRights offering\tApple Inc.\t037833100\t03/15/2024',
    ]);
  });

  it("puts main's refusal beside the field it names (a CUSIP already in the book)", async () => {
    const { page } = desk;
    expect(await focusedLabel(page)).toBe('Kind');
    await key(page, 'r', 'Tab');
    await key(page, 'Apple again', 'Tab');
    await key(page, 'Apple Inc.', 'Tab');
    await key(page, '037833100', 'Tab');
    await key(page, '031524', 'Enter');
    await expect.poll(async () => (await problemOf(page, 'CUSIP')).text).toMatch(/^A program with CUSIP 037833100 already exists/);
    expect(await statusText(page)).toMatch(/^Problem: A program with CUSIP 037833100 already exists/);
    // Changing the field clears main's remark; the clerk abandons and starts over.
    await key(page, '', 'Shift+Tab', 'End', 'Backspace');
    expect((await problemOf(page, 'CUSIP')).text).not.toMatch(/already exists/);
    await key(page, '', 'Escape', 'y');
    await expect.poll(() => page.getByRole('heading', { name: 'New program' }).count()).toBe(0);
    await key(page, '', 'Enter'); // New program again
    await page.getByRole('heading', { name: 'New program' }).waitFor();
  });

  it('asks before abandoning what was keyed; N keeps it, Y abandons', async () => {
    const { page } = desk;
    expect(await focusedLabel(page)).toBe('Kind');
    await key(page, '', 'Tab');
    await key(page, 'Half keyed', 'Escape');
    const question = page.getByRole('alertdialog', { name: 'Abandon what you keyed?' });
    await question.waitFor();
    await desk.shot('22-abandon-question');
    await page.keyboard.press('n');
    await expect.poll(() => question.count()).toBe(0);
    expect(await page.getByLabel('Program name').inputValue()).toBe('Half keyed');
    expect(await focusedLabel(page)).toBe('Program name');
    await page.keyboard.press('Escape');
    await question.waitFor();
    await page.keyboard.press('y');
    await expect.poll(() => page.getByRole('heading', { name: 'New program' }).count()).toBe(0);
    expect(await focusedLabel(page)).toBe('New program');
    expect(await statusText(page)).toBe('New program abandoned; nothing was saved.');
  });

  it('shows the keys with F1 and closes them with Esc', async () => {
    const { page } = desk;
    await page.keyboard.press('F1');
    const overlay = page.getByRole('dialog', { name: 'Keys' });
    await overlay.waitFor();
    expect(await overlay.innerText()).toContain('Ctrl+K or /');
    await desk.shot('23-keys');
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
    expect(await focusedLabel(page)).toBe('New program');
  });

  it('finds a program with Ctrl+K by CUSIP and opens it with Enter', async () => {
    const { page } = desk;
    await page.keyboard.press('Control+k');
    const find = page.getByRole('dialog', { name: 'Find' });
    await find.waitFor();
    expect(await focusedLabel(page)).toMatch(/CUSIP/);
    await key(page, '0378');
    await expect.poll(() => find.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Apple rights 2024')]);
    await desk.shot('24-find');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Apple rights 2024', level: 2 }).waitFor();
    expect(await find.count()).toBe(0);
  });

  it('opens find with / outside a field, by name', async () => {
    const { page } = desk;
    await page.keyboard.press('Escape'); // back to the list
    await page.keyboard.press('/');
    const find = page.getByRole('dialog', { name: 'Find' });
    await find.waitFor();
    expect(await page.getByLabel(/CUSIP/).inputValue()).toBe('');
    await key(page, 'micro', 'Enter');
    await page.getByRole('heading', { name: 'Microsoft odd-lot', level: 2 }).waitFor();
  });

  it('moves through the program list with the arrows and opens with Enter', async () => {
    const { page } = desk;
    await page.keyboard.press('Escape'); // back to the list, which takes the focus
    const grid = page.getByRole('grid', { name: /Programs/ });
    await grid.waitFor();
    expect(await focusedLabel(page)).toBe('Programs, 2');
    await key(page, '', 'Home', 'ArrowDown');
    expect(await grid.locator('tr[aria-selected="true"] td').first().innerText()).toBe('Apple rights 2024');
    await key(page, '', 'ArrowDown'); // already the last row: stays
    expect(await grid.locator('tr[aria-selected="true"] td').first().innerText()).toBe('Apple rights 2024');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Apple rights 2024', level: 2 }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('follows menu commands: Audit, verify the journal, back up the book', async () => {
    const { page } = desk;
    await menuCommand(page, 'area:audit');
    await page.getByRole('heading', { name: 'Journal' }).waitFor();
    expect(await focusedLabel(page)).toBe('Verify journal');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toMatch(/^Done: Journal verified: \d+ entries, every hash and link holds\.$/);
    await page.locator('table.journal tbody tr[aria-rowindex]').first().waitFor();
    const firstRow = await page.locator('table.journal tbody tr[aria-rowindex]').first().innerText();
    const lastRow = await page.locator('table.journal tbody tr[aria-rowindex]').last().innerText();
    expect(Number(firstRow.split('\t')[0])).toBeGreaterThan(Number(lastRow.split('\t')[0])); // newest first
    // Past the journal's filter and grid to the book's Back up…
    for (let i = 0; i < 20 && !/^Back up/.test(await focusedLabel(page)); i++) await key(page, '', 'Tab');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/^Done: Backup written to .+\(\d[\d,]* (KB|bytes); its journal head #\d+ [0-9a-f]{64}\)\.$/);
    await desk.shot('25-audit');
  });

  it('restores the book from a backup after asking, and shows the restored data', async () => {
    const { page } = desk;
    const backupPath = /^Done: Backup written to (.+) \(/.exec(await statusText(page))?.[1];
    expect(backupPath).toBeDefined();
    await must(desk.bridge, 'programs.create', { kind: 'odd-lot', name: 'After the backup', issuer: 'Oracle', cusip: '68389X105', recordDate: '2024-05-01' });
    desk.bridge.setOpenPath(backupPath!);
    await key(page, '', 'Tab', 'Enter'); // Back up… → Restore…
    const question = page.getByRole('alertdialog', { name: 'Restore the book from a backup?' });
    await question.waitFor();
    expect(await focusedLabel(page)).toBe('N Keep the book'); // the safe answer first
    await desk.shot('26-restore-question');
    await page.keyboard.press('y');
    await expect.poll(() => statusText(page)).toMatch(/^Done: Book restored from the backup \(\d+ journal entries\)\.$/);
    await page.keyboard.press('Control+1');
    const names = page.getByRole('grid', { name: /Programs/ }).locator('tbody tr td:first-child');
    await expect.poll(() => names.allInnerTexts()).toEqual(['Microsoft odd-lot', 'Apple rights 2024']); // "After the backup" is gone
  });

  it('deactivates and reactivates a user', async () => {
    const { page } = desk;
    // Start from a known place: the restore before this test rebuilt the shell, so the focus is put back by Ctrl+1.
    await page.keyboard.press('Control+1');
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await key(page, '', 'Tab', 'Enter'); // Programs → Users
    const carl = page.getByRole('row', { name: /carl/ });
    await carl.waitFor();
    await key(page, '', 'Tab', 'Tab'); // Users → New user → the grid of users
    expect(await focusedLabel(page)).toBe('Users, 2');
    await key(page, 'c', 'Tab', 'Enter'); // type-to-find carl → his Deactivate button, which asks why
    await page.getByRole('heading', { name: 'Deactivate carl?' }).waitFor();
    await key(page, 'Left the firm on 03/31', 'Enter');
    await expect.poll(() => carl.innerText()).toMatch(/carl\tCarl Clerk\tClerk\tDeactivated/);
    expect(await statusText(page)).toBe('Done: User carl deactivated: Left the firm on 03/31.');
    expect(await focusedLabel(page)).toBe('Reactivate carl'); // the same button, now the other way
    await page.keyboard.press('Enter');
    await expect.poll(() => carl.innerText()).toMatch(/carl\tCarl Clerk\tClerk\tActive/);
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
