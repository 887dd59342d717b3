import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { Bridge } from '../bridge/server';
import { ADMIN, SUPERVISOR, focusedLabel, key, launchChromium, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';

const XO = { kind: 'rights-offering', name: 'XO Communications rights', issuer: 'XO Communications, Inc.', cusip: '037833100', recordDate: '2003-10-10' };

/** XO with its original terms (expiring by rule on 12/08/2003 at 5:00 p.m.); nobody signed in. */
async function seed(bridge: Bridge): Promise<void> {
  await must(bridge, 'session.createFirstAdmin', ADMIN);
  await must(bridge, 'users.create', { ...SUPERVISOR, role: 'supervisor' });
  const xo = (await must(bridge, 'programs.create', XO)) as { id: number };
  await must(bridge, 'terms.record', { programId: xo.id, reason: 'Original terms', terms: XO_TERMS_JSON });
  await must(bridge, 'session.signOut', {});
}

const problemOf = async (page: Page, label: string): Promise<string> => {
  const describedBy = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? ((await page.locator(`[id="${errorId}"]`).textContent()) ?? '') : '';
};

async function tabTo(page: Page, label: string, back = false): Promise<void> {
  for (let i = 0; i < 40 && (await focusedLabel(page)) !== label; i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  expect(await focusedLabel(page)).toBe(label);
}

/** Opens XO from the Setup list and its Amend terms form, by keyboard. */
async function amendXo(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.getByRole('grid', { name: /Programs/ }).waitFor();
  for (let i = 0; i < 4 && !(await focusedLabel(page)).startsWith('Programs, 1'); i++) await key(page, '', 'Tab');
  await key(page, '', 'Enter');
  await page.getByRole('heading', { name: XO.name, level: 2 }).waitFor();
  await page.getByRole('heading', { name: /Current terms: version/ }).waitFor();
  await tabTo(page, 'Amend terms');
  await key(page, '', 'Enter');
  await page.getByRole('heading', { name: /Amend terms/ }).waitFor();
}

describe('terms the book refuses to record, said beside their fields', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { seed });
    await signInWithKeys(desk.page, SUPERVISOR);
    await desk.page.getByRole('banner').getByText(SUPERVISOR.displayName).waitFor();
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('names a price in fractions of a cent, no shares, an issue date on a holiday and a one-letter reason', async () => {
    const { page } = desk;
    await amendXo(page);
    expect(await focusedLabel(page)).toBe('Subscription price');
    await key(page, '', 'Control+a');
    await key(page, '5.001', 'Tab');
    expect(await problemOf(page, 'Subscription price')).toBe('Subscription price: whole cents only (at most 2 decimals, holders pay in dollars and cents), got 5.001');
    await key(page, '', 'Control+a');
    await key(page, '0', 'Tab');
    expect(await problemOf(page, 'Maximum shares')).toBe('Maximum shares: must be at least 1 share, got 0');
    await key(page, '', 'Tab', 'Control+a');
    await key(page, '112703', 'Tab');
    expect(await problemOf(page, 'Certificate issue date')).toBe('Certificate issue date: 11/27/2003 is Thanksgiving Day, not a business day (NYSE calendar)');
    await tabTo(page, 'Reason');
    await key(page, 'x', 'Shift+Tab');
    expect(await problemOf(page, 'Reason')).toBe('Reason: say why in a few words (at least 10 characters), e.g. Extension per press release');
    await page.getByLabel('Subscription price').scrollIntoViewIfNeeded();
    await desk.shot('54-terms-refused-in-words');
    await key(page, '', 'Control+Enter'); // nothing is sent: the focus goes to the first problem
    await expect.poll(() => focusedLabel(page)).toBe('Subscription price');
    expect(await statusText(page)).toMatch(/^Problem: Subscription price: whole cents only .* \(and 3 more\)$/);
    await key(page, '', 'Escape', 'y');
    await expect.poll(() => page.getByRole('heading', { name: /Amend terms/ }).count()).toBe(0);
    expect(((await must(desk.bridge, 'terms.history', { programId: 1 })) as { versions: unknown[] }).versions).toHaveLength(1);
  });

  it('asks for an explicit confirmation and a reason when an amendment moves expiration earlier', async () => {
    const { page } = desk;
    expect(await focusedLabel(page)).toBe('Amend terms'); // where abandoning the last form left the focus
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: /Amend terms/ }).waitFor();
    await tabTo(page, 'Expiration');
    await key(page, 'e', 'Tab');
    await key(page, '120103', 'Tab'); // 12/01/2003: a week before the current 12/08/2003
    expect(await focusedLabel(page)).toBe('Expiration time');
    await page.getByRole('group', { name: 'Expiration moves earlier: from 12/08/2003 5:00 p.m. to 12/01/2003 5:00 p.m. New York time' }).waitFor();
    await tabTo(page, 'Reason');
    await key(page, 'Extension per press release', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Confirm the earlier expiration');
    expect(await problemOf(page, 'Confirm the earlier expiration')).toBe('Expiration moves earlier, from 12/08/2003 5:00 p.m. to 12/01/2003 5:00 p.m. New York time: confirm the earlier expiration and say why');
    await page.getByLabel('Confirm the earlier expiration').scrollIntoViewIfNeeded();
    await desk.shot('55-terms-earlier-expiration');
    await key(page, ' ', 'Tab'); // Space confirms
    expect(await focusedLabel(page)).toBe('Why expiration moves earlier');
    await key(page, '', 'Control+Enter');
    await expect.poll(() => problemOf(page, 'Why expiration moves earlier')).toBe('Why expiration moves earlier is required');
    await key(page, 'Company shortened the offer per notice of 11/20/2003', 'Tab', 'Control+a');
    await key(page, 'Shortened per company notice', 'Enter');

    await expect.poll(() => statusText(page)).toContain('Terms version 2 recorded: Shortened per company notice.');
    await page.getByRole('heading', { name: /Current terms: version 2/ }).waitFor();
    const [entry] = (await must(desk.bridge, 'journal.list', { limit: 1 })) as { action: string; payload: unknown }[];
    expect(entry).toMatchObject({
      action: 'terms.recorded',
      payload: { version: 2, earlierExpiration: { from: '2003-12-08T17:00', to: '2003-12-01T17:00', reason: 'Company shortened the offer per notice of 11/20/2003' } },
    });
  });

  it('raised no console error, page error or CSP violation', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
