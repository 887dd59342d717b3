// The audit trail in Chromium, keyboard only: filter the journal, open an entry to its before and
// after, export what the filter keeps, verify the chain — all as a supervisor would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, focusedLabel, key, launchChromium, must, openDeskPage, seedBook, signInWithKeys, statusText, type DeskPage } from './harness';

const tabTo = async (page: Page, label: RegExp) => {
  for (let i = 0; i < 25 && !label.test(await focusedLabel(page)); i++) await key(page, '', 'Tab');
  expect(await focusedLabel(page)).toMatch(label);
};
const rows = (page: Page) => page.locator('table.journal tbody tr[aria-rowindex]');

describe('a supervisor reads the audit trail', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      seed: async (bridge) => {
        await seedBook(bridge);
        await must(bridge, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
        await must(bridge, 'programs.create', { kind: 'odd-lot', name: 'Microsoft odd-lot', issuer: 'Microsoft Corp.', cusip: '594918104', recordDate: '2024-01-04' });
        await must(bridge, 'session.signOut', {});
      },
    });
    await signInWithKeys(desk.page, ADMIN);
    await desk.page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('shows every entry in words and New York time, newest first', async () => {
    const { page } = desk;
    await page.keyboard.press('Control+0');
    await page.getByRole('heading', { name: 'Journal — the audit trail' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Verify journal');
    await rows(page).first().waitFor();
    const texts = await rows(page).allInnerTexts();
    expect(texts[0]).toMatch(/^\d+\t\d\d\/\d\d\/\d{4} \d\d:\d\d ET\tada\tSigned in\t/);
    expect(texts.some((t) => /\tProgram created\t/.test(t))).toBe(true);
    expect(texts.every((t) => !/\tprogram\.created\t/.test(t))).toBe(true);
  });

  it('filters by what and by item, and says how many entries it keeps', async () => {
    const { page } = desk;
    await tabTo(page, /^What$/);
    await page.keyboard.press('P'); // the first action in words starting with P: "Program created (2)"
    expect(await page.getByLabel('What', { exact: true }).inputValue()).toBe('program.created');
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Item');
    await key(page, 'microsoft', 'Enter');
    await expect.poll(() => page.locator('.toolbar .count').innerText()).toBe('1 entry: the entries the filter keeps');
    expect(await rows(page).allInnerTexts()).toEqual([expect.stringMatching(/\tada\tProgram created\t.*Microsoft odd-lot/)]);
    await desk.shot('60-audit-filtered');
  });

  it('names a bad date beside its field and keeps the last good filter', async () => {
    const { page } = desk;
    await tabTo(page, /^From$/);
    await key(page, '023024', 'Enter');
    await expect.poll(() => page.getByText('From: 02/30/2024 is not a real calendar date').count()).toBe(1);
    expect(await rows(page).count()).toBe(1);
    await page.getByLabel('From', { exact: true }).fill('');
  });

  it('opens an entry with Enter to its before and after; Esc gives the grid back', async () => {
    const { page } = desk;
    await tabTo(page, /^Journal entries, newest first, 1$/);
    await key(page, '', 'Enter');
    const dialog = page.getByRole('dialog', { name: /^Entry \d+: Program created$/ });
    await dialog.waitFor();
    expect(await dialog.getByRole('region', { name: 'Before' }).innerText()).toContain('(nothing)');
    expect(await dialog.getByRole('region', { name: 'After' }).innerText()).toContain('"name": "Microsoft odd-lot"');
    expect(await dialog.innerText()).toContain('program.created');
    await desk.shot('61-audit-entry');
    await key(page, '', 'Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedLabel(page)).toBe('Journal entries, newest first, 1');
  });

  it('exports what the filter keeps as CSV, and the export is itself on record', async () => {
    const { page } = desk;
    await tabTo(page, /^Export CSV…$/);
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/^Done: Exported 1 entry to audit-trail-\d{4}-\d\d-\d\d\.csv\.$/);
    const fileName = /to (audit-trail-[\d-]+\.csv)/.exec(await statusText(page))![1]!;
    const csv = readFileSync(path.join(path.dirname(desk.bridge.bookPath), fileName), 'utf8').split('\r\n');
    expect(csv[0]).toBe('Entry,When (New York),When (UTC),User,What,Action,Details,Hash');
    expect(csv[1]).toMatch(/,ada,Program created,program\.created,".*Microsoft odd-lot.*",[0-9a-f]{64}$/);
    await tabTo(page, /^Clear$/);
    await key(page, '', 'Enter');
    await expect.poll(async () => (await rows(page).allInnerTexts())[0]).toMatch(/\tada\tAudit trail exported\t/);
  });

  it('verifies the chain with a visible result', async () => {
    const { page } = desk;
    await tabTo(page, /^Verify journal$/);
    await key(page, '', 'Enter');
    await page.getByText(/^Verified: Journal verified: \d+ entries, every hash and link holds\.$/).waitFor();
    await desk.shot('62-audit-verified');
  });

  it('raised no console error, page error, CSP violation or serious axe finding', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
