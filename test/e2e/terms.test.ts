import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CLERK, SUPERVISOR, focusedLabel, key, launchChromium, menuCommand, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';
import type { Bridge } from '../bridge/server';

const ODD_LOT = { kind: 'odd-lot', name: 'Acme odd-lot', issuer: 'Acme Corp.', cusip: '594918104', recordDate: '2003-01-15' };
const XO = { kind: 'rights-offering', name: 'XO Communications rights', issuer: 'XO Communications, Inc.', cusip: '037833100', recordDate: '2003-10-10' };

async function seed(bridge: Bridge): Promise<void> {
  await must(bridge, 'session.createFirstAdmin', ADMIN);
  await must(bridge, 'users.create', { ...CLERK, role: 'clerk' });
  await must(bridge, 'users.create', { ...SUPERVISOR, role: 'supervisor' });
  await must(bridge, 'programs.create', XO);
  await must(bridge, 'programs.create', ODD_LOT); // older record date: listed below XO
  await must(bridge, 'session.signOut', {});
}

const problemOf = async (page: Page, label: string): Promise<string> => {
  const input = page.getByLabel(label, { exact: true });
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? '') : '';
};

/** The current terms' facts, as "label: value" lines. */
const facts = async (page: Page, which: 'current' | 'version'): Promise<string> =>
  page.locator(which === 'current' ? 'section.terms > dl.terms-facts' : 'section.terms-version dl.terms-facts').innerText();

/** Opens the program on the given row of the Setup list, by keyboard only. */
async function openProgram(page: Page, name: string, row = 0): Promise<void> {
  await page.keyboard.press('Control+1');
  const grid = page.getByRole('grid', { name: /Programs/ });
  await grid.waitFor();
  // Where Ctrl+1 lands differs by role (Programs tab, New program, the list); the list is a few Tabs on.
  for (let i = 0; i < 4 && !(await focusedLabel(page)).startsWith('Programs, 2'); i++) await key(page, '', 'Tab');
  expect(await focusedLabel(page)).toBe('Programs, 2');
  for (let i = 0; i < row; i++) await key(page, '', 'ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name, level: 2 }).waitFor();
  await page.getByRole('heading', { name: 'Terms', level: 3 }).waitFor();
}
const openXo = (page: Page) => openProgram(page, XO.name);

/** Tabs (or Shift+Tabs) to the field with the label, as a clerk would. */
async function tabTo(page: Page, label: string, back = false): Promise<void> {
  for (let i = 0; i < 40 && (await focusedLabel(page)) !== label; i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  expect(await focusedLabel(page)).toBe(label);
}

describe('program terms, versioned', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { seed });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('lets a supervisor record the XO terms by keyboard and shows the derived expiration with its rule', async () => {
    const { page } = desk;
    await signInWithKeys(page, SUPERVISOR);
    await page.getByRole('banner').getByText(SUPERVISOR.displayName).waitFor();
    await openXo(page);
    await page.getByText('No terms recorded yet. Use Record terms to enter the original terms.').waitFor();
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Record terms');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Record terms (version 1, original terms)' }).waitFor();
    expect(await focusedLabel(page)).toBe('Subscription price');
    await key(page, '5', 'Tab');
    expect(await page.getByLabel('Subscription price').inputValue()).toBe('5.00');
    await key(page, '43333333', 'Tab');
    expect(await focusedLabel(page)).toBe('Record date');
    expect(await page.getByLabel('Record date').inputValue()).toBe('10/10/2003'); // the program's, to start from
    await key(page, '', 'Tab');
    await key(page, '110703', 'Tab');
    expect(await page.getByLabel('Certificate issue date').inputValue()).toBe('11/07/2003');
    expect(await focusedLabel(page)).toBe('Expiration'); // by rule, as it starts
    expect(await page.locator('[id="terms-1-expirationBasis-hint"]').textContent()).toBe('By rule: 12/08/2003 5:00 p.m. New York. B: by rule, E: entered');
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Guaranteed delivery allowed');
    expect(await page.getByLabel('Guaranteed delivery allowed').isChecked()).toBe(false);
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Proration basis');
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Full basic exercise required');
    expect(await page.getByLabel('Full basic exercise required').isChecked()).toBe(true);
    await key(page, '', 'Tab');

    // The classes: a row each, Alt+Insert for the next.
    expect(await focusedLabel(page)).toBe('Class 1 code');
    await key(page, 'a', 'Tab');
    await key(page, 'blue', 'Tab');
    await key(page, '1', 'Tab', 'Tab', 'Tab', 'Alt+Insert'); // oversubscription yes, not transferable, stage 1
    await expect.poll(() => focusedLabel(page)).toBe('Class 2 code');
    await key(page, 'B', 'Tab');
    await key(page, 'GREEN', 'Tab');
    await key(page, '0.1', 'Alt+Insert');
    await expect.poll(() => focusedLabel(page)).toBe('Class 3 code');
    await key(page, 'C', 'Tab');
    await key(page, 'RED', 'Tab');
    await key(page, '0', 'Alt+Insert');
    await key(page, 'T', 'Tab');
    await key(page, 'WHITE', 'Tab');
    await key(page, '1', 'Tab');
    expect(await focusedLabel(page)).toBe('Class 4 oversubscription');
    await key(page, ' ', 'Tab'); // Space: no oversubscription
    expect(await focusedLabel(page)).toBe('Class 4 transferable');
    await key(page, ' ', 'Tab');
    expect(await focusedLabel(page)).toBe('Class 4 stage');
    await key(page, '2');
    expect(await page.getByLabel('Class 1 code').inputValue()).toBe('A');
    expect(await page.getByLabel('Class 4 oversubscription').isChecked()).toBe(false);
    expect(await page.getByLabel('Class 4 transferable').isChecked()).toBe(true);
    expect(await page.getByLabel('Class 4 stage').inputValue()).toBe('2');
    await key(page, '', 'Tab', 'Tab', 'Tab'); // past Remove and Add class row
    expect(await focusedLabel(page)).toBe('Reason');
    await key(page, 'Original terms');
    await desk.shot('40-terms-record-form');
    await key(page, '', 'Enter'); // Enter on the last field saves

    await expect.poll(() => statusText(page)).toContain('Terms version 1 recorded: Original terms.');
    expect(await focusedLabel(page)).toBe('Amend terms');
    await page.getByRole('heading', { name: /Current terms: version 1/ }).waitFor();
    const current = await facts(page, 'current');
    expect(current).toContain('Expires\n12/08/2003 5:00 p.m. New York — first business day after the 29th day after issue');
    expect(current).toContain('Subscription price\n$5.00 per share');
    expect(current).toContain('Maximum shares\n43,333,333');
    expect(current).toContain('Guaranteed delivery\nNot allowed');
    expect(current).toContain('Prorated to shares requested; full basic exercise required');
    const classes = await page.getByRole('table', { name: 'Classes of rights' }).first().locator('tbody tr').allInnerTexts();
    expect(classes).toEqual(['A\tBLUE\t1\tYes\tNo\t1', 'B\tGREEN\t0.1\tYes\tNo\t1', 'C\tRED\t0\tYes\tNo\t1', 'T\tWHITE\t1\tNo\tYes\t2 (buys what stage 1 left)']);
    await desk.shot('40-terms-recorded');

    const history = (await must(desk.bridge, 'terms.history', { programId: 1 })) as { versions: { terms: unknown }[] };
    expect(history.versions[0]?.terms).toMatchObject({ subscriptionPrice: '5.00', maxShares: 43333333, classes: [{ code: 'A', firmRightsPerUnit: '1' }, { code: 'B', firmRightsPerUnit: '0.1' }, { code: 'C' }, { code: 'T', stage: 2, oversubscription: false, transferable: true }] });
  });

  it('amends with an extension: version 2 is current, version 1 still readable with its own expiration', async () => {
    const { page } = desk;
    await key(page, '', 'Enter'); // Amend terms
    await page.getByRole('heading', { name: 'Amend terms (will be version 2)' }).waitFor();
    expect(await page.getByLabel('Subscription price').inputValue()).toBe('5.00'); // prefilled from version 1
    await key(page, '', 'Tab', 'Tab', 'Tab', 'Tab');
    expect(await focusedLabel(page)).toBe('Expiration');
    await key(page, 'e', 'Tab'); // Entered date and time
    expect(await focusedLabel(page)).toBe('Expiration date');
    await key(page, '121503', 'Tab');
    expect(await focusedLabel(page)).toBe('Expiration time');
    expect(await page.getByLabel('Expiration time').inputValue()).toBe('17:00');
    // Ctrl+Enter saves from anywhere; the one thing missing is the reason, and the focus goes there.
    await key(page, '', 'Control+Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Reason');
    expect(await problemOf(page, 'Reason')).toBe('Reason is required');
    await key(page, 'Extension per press release', 'Enter');

    await expect.poll(() => statusText(page)).toContain('Terms version 2 recorded: Extension per press release.');
    await page.getByRole('heading', { name: /Current terms: version 2/ }).waitFor();
    expect(await facts(page, 'current')).toContain('Expires\n12/15/2003 5:00 p.m. New York — entered date and time');
    const grid = page.getByRole('grid', { name: /Terms versions/ });
    const rows = await grid.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^1\tOriginal terms\t.*\tsam\t12\/08\/2003 5:00 p\.m\.$/);
    expect(rows[1]).toMatch(/^2 \(current\)\tExtension per press release\t.*\tsam\t12\/15\/2003 5:00 p\.m\.$/);
    await desk.shot('40-terms-amended');

    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toMatch(/^Terms versions, 2/);
    await key(page, '', 'ArrowUp', 'Enter');
    await page.getByRole('heading', { name: /Version 1 \(read-only\)/ }).waitFor();
    expect(await facts(page, 'version')).toContain('Expires\n12/08/2003 5:00 p.m. New York — first business day after the 29th day after issue');
    await desk.shot('40-terms-version-1');
    await key(page, '', 'Escape'); // closes the version, not the program
    await expect.poll(() => page.getByRole('heading', { name: /Version 1 \(read-only\)/ }).count()).toBe(0);
    expect(await focusedLabel(page)).toMatch(/^Terms versions, 2/);
    await page.getByRole('heading', { name: XO.name, level: 2 }).waitFor();
  });

  it('names a problem beside its field as it is keyed, and Esc asks before abandoning', async () => {
    const { page } = desk;
    await key(page, '', 'Shift+Tab', 'Enter'); // Amend terms
    await page.getByRole('heading', { name: 'Amend terms (will be version 3)' }).waitFor();
    await key(page, '', 'Control+a');
    await key(page, '5.5.0', 'Tab');
    expect(await problemOf(page, 'Subscription price')).toBe('Subscription price: type dollars and cents, e.g. 5.00');
    expect(await page.getByLabel('Subscription price').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedLabel(page)).toBe('Maximum shares'); // the problem did not pull the focus back
    await page.getByLabel('Subscription price').scrollIntoViewIfNeeded();
    await desk.shot('40-terms-validation');

    // Rows come and go by keyboard: Alt+Insert below the row, Alt+Delete the row itself.
    await tabTo(page, 'Class 2 code');
    await key(page, '', 'Alt+Insert');
    await expect.poll(() => focusedLabel(page)).toBe('Class 3 code');
    expect(await page.getByLabel('Class 4 code').inputValue()).toBe('C'); // the rows below moved down
    await key(page, '', 'Alt+Delete');
    expect(await page.getByLabel('Class 3 code').inputValue()).toBe('C');
    expect(await page.getByLabel('Class 4 code').inputValue()).toBe('T');
    expect(await page.getByLabel('Class 5 code').count()).toBe(0);

    // Main refuses what only it can judge (the same terms as the current version) in words on the form.
    await tabTo(page, 'Subscription price', true);
    await key(page, '', 'Control+a');
    await key(page, '5', 'Tab');
    expect(await problemOf(page, 'Subscription price')).toBe('');
    await tabTo(page, 'Reason');
    await key(page, 'Same again', 'Enter');
    await expect.poll(() => statusText(page)).toContain('the new terms are the same as the current version');
    expect(await page.locator('form.terms-form [role="alert"]').textContent()).toBe('Terms not recorded: the new terms are the same as the current version');
    await key(page, '', 'Escape');
    const question = page.getByRole('alertdialog', { name: 'Abandon what you keyed?' });
    await question.waitFor();
    await page.keyboard.press('y');
    await expect.poll(() => page.getByRole('heading', { name: /Amend terms/ }).count()).toBe(0);
    expect(await focusedLabel(page)).toBe('Amend terms');
    expect(((await must(desk.bridge, 'terms.history', { programId: 1 })) as { versions: unknown[] }).versions).toHaveLength(2);
  });

  it('shows a clerk the terms without Record or Amend', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await openXo(page);
    await page.getByRole('heading', { name: /Current terms: version 2/ }).waitFor();
    expect(await facts(page, 'current')).toContain('Expires\n12/15/2003 5:00 p.m. New York');
    expect(await page.getByRole('button', { name: /Amend terms|Record terms/ }).count()).toBe(0);
    await desk.shot('40-terms-clerk');
  });

  it('records odd-lot terms: backup withholding keyed as a percent and kept as a rate', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, ADMIN);
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    await openProgram(page, ODD_LOT.name, 1);
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Record terms');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Record terms (version 1, original terms)' }).waitFor();
    expect(await focusedLabel(page)).toBe('Processing fee per share');
    expect(await page.getByLabel('Processing fee per share').inputValue()).toBe('0.65');
    await key(page, '', 'Tab', 'Tab', 'Tab');
    expect(await focusedLabel(page)).toBe('Expiry date');
    await key(page, '021403', 'Tab');
    expect(await focusedLabel(page)).toBe('Expiry time');
    await key(page, '', 'Control+a');
    await key(page, '1700', 'Tab');
    await key(page, 'ca, us-ny', 'Tab');
    expect(await focusedLabel(page)).toBe('Plan shares excluded');
    expect(await page.getByLabel('Plan shares excluded').isChecked()).toBe(true);
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Backup withholding (%)');
    expect(await page.getByLabel('Backup withholding (%)').inputValue()).toBe('24');
    await key(page, '', 'Control+a');
    await key(page, '101', 'Tab');
    expect(await problemOf(page, 'Backup withholding (%)')).toBe('Backup withholding (%): must be between 0 and 100, got "101"');
    await key(page, '', 'Shift+Tab', 'Control+a');
    await key(page, '28', 'Tab');
    expect(await problemOf(page, 'Backup withholding (%)')).toBe('');
    await key(page, 'Original terms', 'Enter');

    await expect.poll(() => statusText(page)).toContain('Terms version 1 recorded: Original terms.');
    const current = await facts(page, 'current');
    expect(current).toContain('Expires\n02/14/2003 5:00 p.m. New York — entered date and time');
    expect(current).toContain('Excluded jurisdictions\nCA, US-NY');
    expect(current).toContain('Backup withholding\n28% without a certified TIN');
    expect(current).toContain('Processing fee\n$0.65 per share');
    await desk.shot('40-terms-odd-lot');
    const history = (await must(desk.bridge, 'terms.history', { programId: 2 })) as { versions: { terms: unknown }[] };
    expect(history.versions[0]?.terms).toMatchObject({ kind: 'odd-lot', backupWithholdingRate: '0.28', excludedJurisdictions: ['CA', 'US-NY'], expiresAt: '2003-02-14T17:00', roundLot: 100 });
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
