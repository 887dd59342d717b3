// The supervisor's queue in Chromium, keyboard only: a clerk keys irregular forms (through the
// bridge's channels); a supervisor who keyed nothing waives one, rejects one and allows a cure
// for one (a cure date of today refused beside its field); the queue shrinks with each decision;
// a supervisor who keyed an item is refused deciding it, with the reason on screen. Axe on each screen.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { cleanDraft } from '../../electron/desk/testing/intake-fixture';
import { openEnvelope, rightsIntakeBook } from '../../electron/desk/testing/intake-more-fixture';
import { tabTo } from './program-desk';
import { ADMIN, CLERK, SUPERVISOR, focusedLabel, key, launchChromium, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';

const CHECKER = { username: 'vera', displayName: 'Vera Checker', password: 'second-pair-of-eyes-9' };
const REASON = 'Holder phoned; signature card on file matches';

describe('the queue: four-eyes decisions, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  const keyed: Record<string, number> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      // Wednesday of the offering's last week (expiration Monday 12/08/2003): a cure can be allowed inside it.
      now: () => new Date('2003-12-03T15:00:00Z'),
      seed: async (bridge) => {
        const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
        await must(bridge, 'users.create', { ...CLERK, role: 'clerk' });
        await must(bridge, 'users.create', { ...SUPERVISOR, role: 'supervisor' });
        await must(bridge, 'users.create', { ...CHECKER, role: 'supervisor' });
        const store = await openStore(bridge.bookPath, { now: () => new Date('2003-12-03T14:00:00Z'), mode: 'open' });
        let ids: { batchId: number; envelopeId: number };
        let programId: number;
        try {
          programId = (await rightsIntakeBook(store, { supervisor: admin })).programId;
          ids = await openEnvelope(store, { programId, supervisor: admin }, '2003-12-01T10:15');
        } finally {
          await store.close();
        }
        const page = (await must(bridge, 'certificates.list', { programId, offset: 0, limit: 50 })) as { rows: { account: string; class: string; number: string }[] };
        const number = (account: string) => page.rows.find((c) => `${c.account}/${c.class}` === account)!.number;
        const form = async (name: string, account: string, more: Record<string, unknown>) => {
          const answer = (await must(bridge, 'intake.saveElection', { draft: cleanDraft(ids, number(account), 10, more), confirmed: true })) as { electionId: number };
          keyed[name] = answer.electionId;
        };
        await must(bridge, 'session.signIn', { username: CLERK.username, password: CLERK.password });
        await form('waive', 'H-1002/B', { signed: false });
        await form('reject', 'H-1003/A', { signed: false });
        await form('cure', 'H-1003/A', { taxFormOnFile: false });
        await must(bridge, 'session.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
        await form('own', 'H-1003/A', { signed: false });
        await must(bridge, 'session.signOut', {});
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  const openQueue = async (count: number) => {
    const { page } = desk;
    await page.getByRole('heading', { name: 'Programs', level: 2 }).waitFor();
    // Right after sign-in the shortcut can arrive before the shell takes it: pressed until the Queue shows.
    const heading = page.getByRole('heading', { name: 'Queue — irregular items' });
    await expect.poll(async () => (await heading.count()) > 0 || (await page.keyboard.press('Control+6'), false), { interval: 300 }).toBe(true);
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe(`Irregular items, oldest first, ${count}`);
  };

  /** Moves the grid's focus to the row of `itemWords` and opens it with Enter. */
  const openRow = async (itemWords: string) => {
    const { page } = desk;
    for (let i = 0; i < 6 && !(await page.locator('tr[aria-selected="true"]').innerText()).includes(itemWords); i++) await key(page, '', 'ArrowDown');
    expect(await page.locator('tr[aria-selected="true"]').innerText()).toContain(itemWords);
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: new RegExp(`^${itemWords} — `) }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Decision');
  };

  it('lets a supervisor who keyed nothing waive one item, reject one and allow a cure for one', async () => {
    const { page } = desk;
    await signInWithKeys(page, CHECKER);
    await openQueue(4);
    await desk.shot('queue-list');

    // Waive: Decision stays "Waive"; Enter ticks through to the deficiency (Space), the reason, and decides.
    await openRow(`Form ${keyed.waive}`);
    await desk.shot('queue-item');
    await key(page, '', 'Enter', 'Space', 'Enter');
    await key(page, 'short', 'Enter');
    await page.locator('.field-problem').getByText('Reason: say why in a few words (at least 10 characters)').waitFor();
    await page.getByLabel('Reason').fill('');
    await key(page, REASON, 'Enter');
    await expect.poll(() => statusText(page)).toContain(`Form ${keyed.waive}: Accepted`);
    await expect.poll(() => focusedLabel(page)).toBe('Irregular items, oldest first, 3');

    // Reject: no deficiency ticked means every open one; the good funds are scheduled for refund.
    await openRow(`Form ${keyed.reject}`);
    await key(page, 'R', 'Enter', 'Enter');
    await key(page, 'Holder asked us to return the money', 'Enter');
    await expect.poll(() => statusText(page)).toContain(`Form ${keyed.reject}: Rejected; $50.00 scheduled for refund`);
    await expect.poll(() => focusedLabel(page)).toBe('Irregular items, oldest first, 2');

    // Allow a cure: a date of today is refused beside its field; a date two days on stands.
    await openRow(`Form ${keyed.cure}`);
    await key(page, 'A', 'Enter', 'Space', 'Enter');
    await key(page, 'W-9 promised by fax this week', 'Enter');
    await key(page, '120303', 'Enter');
    await page.locator('.field-problem').getByText('Cure by: the date must be after today (12/03/2003)').waitFor();
    expect(await focusedLabel(page)).toBe('Cure by (MMDDYY)');
    await page.getByLabel('Cure by (MMDDYY)').fill('');
    await key(page, '120503', 'Enter');
    await expect.poll(() => statusText(page)).toContain(`Form ${keyed.cure}: Awaiting cure`);
    await expect.poll(() => focusedLabel(page)).toBe('Irregular items, oldest first, 1');
    expect(await page.locator('tr[aria-selected="true"]').innerText()).toContain(`Form ${keyed.own}`);
    await page.getByRole('button', { name: 'Sign out' }).press('Enter');
  });

  it('refuses a supervisor deciding an item they keyed, with the reason on screen; the item stays in the queue', async () => {
    const { page } = desk;
    await signInWithKeys(page, SUPERVISOR);
    await openQueue(1);
    await openRow(`Form ${keyed.own}`);
    await page.getByText('You keyed or changed this item: under four-eyes another supervisor must decide it.').waitFor();
    await key(page, '', 'Enter', 'Space', 'Enter');
    await key(page, REASON, 'Enter');
    await page.getByRole('alert').getByText(`Four-eyes: you keyed or changed Form ${keyed.own}, so another supervisor must decide it`).waitFor();
    await desk.shot('queue-four-eyes');
    await key(page, '', 'Escape');
    await page.getByRole('alertdialog', { name: 'Abandon what you keyed?' }).waitFor(); // something was keyed
    await key(page, '', 'y');
    await expect.poll(() => focusedLabel(page)).toBe('Irregular items, oldest first, 1');
  });

  it('shows the item awaiting its cure under its own filter, and prints its cure letter naming the date and what to send', async () => {
    const { page } = desk;
    await tabTo(desk, 'Status');
    await key(page, '', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown'); // Waiting for a decision → Awaiting cure
    expect(await page.getByLabel('Status').inputValue()).toBe('awaiting-cure');
    await tabTo(desk, 'Filter');
    await key(page, '', 'Enter');
    await expect.poll(() => page.locator('tr[aria-selected="true"]').innerText()).toContain(`Form ${keyed.cure}`);
    await tabTo(desk, 'Irregular items, oldest first, 1');
    await openRow(`Form ${keyed.cure}`);
    await tabTo(desk, 'Print the cure letter…');
    await key(page, '', 'Enter');
    const file = `election-${keyed.cure}-cure-letter.pdf`;
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain(`Printed the cure letter for election ${keyed.cure}: 1 letter`);
    const text = execFileSync('pdftotext', [path.join(path.dirname(desk.bridge.bookPath), file), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Your taxpayer identification number is missing', 'Form W-9', 'on or before December 5, 2003', 'Reference MISSING_TIN']) expect(text).toContain(words);
    expect(text).not.toMatch(/\b\d{3}-\d{2}-\d{4}\b/);
    await desk.shot('queue-cure-letter');
  });

  it('raised no console error, page error or accessibility problem', () => {
    expect(desk.problems).toEqual([]);
    expect(desk.bridge.loggedErrors).toEqual([]);
  });
});
