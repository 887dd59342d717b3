import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { openStore } from '../../electron/desk/store/open-store';
import { markCertificatesIssued } from '../../electron/desk/testing/program-fixtures';
import type { Bridge } from '../bridge/server';
import { ADMIN, SUPERVISOR, focusedLabel, key, launchChromium, menuCommand, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';

const XO = { kind: 'rights-offering', name: 'XO Communications rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' };
/** A second supervisor: the one who proposes; SUPERVISOR (sam) decides. */
const SUE = { username: 'sue', displayName: 'Sue Second', password: 'second-pair-of-eyes-2' };

/** The XO program with its terms recorded and its certificates issued, so its terms are locked. */
async function seed(bridge: Bridge): Promise<void> {
  await must(bridge, 'session.createFirstAdmin', ADMIN);
  await must(bridge, 'users.create', { ...SUPERVISOR, role: 'supervisor' });
  await must(bridge, 'users.create', { ...SUE, role: 'supervisor' });
  const program = (await must(bridge, 'programs.create', XO)) as { id: number };
  // Class A's register units are claims in dollars and cents.
  const classes = XO_TERMS_JSON.classes.map((c) => (c.code === 'A' ? { ...c, unitsDecimals: 2 } : c));
  await must(bridge, 'terms.record', { programId: program.id, reason: 'Original terms', terms: { ...XO_TERMS_JSON, classes } });
  // Until certificates can be issued from the desk, the issue is written through a second connection to the book.
  const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
  try {
    await markCertificatesIssued(store, program.id);
  } finally {
    await store.close();
  }
  await must(bridge, 'session.signOut', {});
}

async function openXo(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.getByRole('grid', { name: /Programs/ }).waitFor();
  for (let i = 0; i < 4 && !(await focusedLabel(page)).startsWith('Programs, 1'); i++) await key(page, '', 'Tab');
  expect(await focusedLabel(page)).toBe('Programs, 1');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: XO.name, level: 2 }).waitFor();
  await page.getByRole('heading', { name: 'Terms', level: 3 }).waitFor();
}

async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 60 && (await focusedLabel(page)) !== label; i++) await page.keyboard.press('Tab');
  expect(await focusedLabel(page)).toBe(label);
}

describe('four-eyes amendments of locked terms', () => {
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

  it('lets one supervisor propose an amendment by keyboard, which that supervisor cannot approve', async () => {
    const { page } = desk;
    await signInWithKeys(page, SUE);
    await page.getByRole('banner').getByText(SUE.displayName).waitFor();
    await openXo(page);
    // The classes show their units' decimals where one has them.
    const classA = page.locator('section.terms > table').first().getByRole('row', { name: /^A BLUE/ });
    expect((await classA.innerText()).split('\t').map((c) => c.trim())).toEqual(['A', 'BLUE', '1', 'Yes', 'No', '1', '2']);
    await page.getByText(/^Locked: the certificates were issued .+\. The terms change only by an amendment that one supervisor proposes and another approves\.$/).waitFor();
    await tabTo(page, 'Propose an amendment…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Propose an amendment of version 1 (another supervisor approves it)' }).waitFor();
    expect(await focusedLabel(page)).toBe('Subscription price');
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Maximum shares');
    await key(page, '', 'Control+a');
    await key(page, '40000000', 'Tab');
    await tabTo(page, 'Reason');
    await key(page, 'Fewer shares per the amended prospectus', 'Enter');
    await expect.poll(() => statusText(page)).toContain('Amendment #1 proposed against version 1: another supervisor or an administrator must approve it.');
    expect(await focusedLabel(page)).toBe('Propose an amendment…');
    await page.getByRole('heading', { name: /Amendment #1 \(pending\)/ }).waitFor();
    await page.getByText('You proposed this amendment: another supervisor or an administrator decides it.').waitFor();
    expect(await page.getByLabel('Decision').count()).toBe(0);
    // Main refuses the proposer whatever the screen offers.
    const own = await desk.bridge.desk.dispatch('terms.decideAmendment', { amendmentId: 1, decision: 'approve', note: 'Approving my own change' });
    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'amendmentId' } });
    expect(((await must(desk.bridge, 'terms.history', { programId: 1 })) as { versions: unknown[] }).versions).toHaveLength(1);
    await desk.shot('45-amendment-proposed');
  });

  it('shows another supervisor the proposal beside the current version, who approves it: version 2 is current', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, SUPERVISOR);
    await page.getByRole('banner').getByText(SUPERVISOR.displayName).waitFor();
    await openXo(page);
    const comparison = page.getByRole('table', { name: 'Amendment #1 beside version 1: 1 field changes' });
    await comparison.waitFor();
    const changed = comparison.locator('tbody tr.changed');
    expect(await changed.count()).toBe(1);
    expect((await changed.innerText()).split('\t').map((s) => s.trim())).toEqual(['Maximum shares', '43333333', '40000000', 'Changed']);
    expect(await comparison.getByRole('row', { name: /Subscription price/ }).innerText()).toMatch(/^Subscription price\s+5\.00\s+5\.00\s*$/);
    await page.getByText('Changes: Maximum shares 43333333 → 40000000.').waitFor();
    await tabTo(page, 'Decision');
    expect(await page.getByLabel('Decision').inputValue()).toBe('approve');
    await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Note');
    await desk.shot('45-amendment-review');
    await key(page, 'Checked against the amended prospectus', 'Enter');
    await expect.poll(() => statusText(page)).toContain('Amendment #1 approved: it is now the current version of the terms.');
    await page.getByRole('heading', { name: /Current terms: version 2/ }).waitFor();
    await page.getByRole('heading', { name: /Amendment #1 \(approved\)/ }).waitFor();
    await page.getByText(/Approved .+ by sam: Checked against the amended prospectus/).waitFor();
    const history = (await must(desk.bridge, 'terms.history', { programId: 1 })) as { versions: { version: number; recordedBy: string; terms: { maxShares: number } }[] };
    expect(history.versions.map((v) => [v.version, v.recordedBy, v.terms.maxShares])).toEqual([
      [1, 'ada', 43_333_333],
      [2, 'sam', 40_000_000],
    ]);
    await desk.shot('45-amendment-approved');
    expect(desk.problems).toEqual([]);
  });
});
