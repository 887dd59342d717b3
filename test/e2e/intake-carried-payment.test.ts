import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchItemView } from '../../shared/ipc/intake-forms';
import type { BatchControlView } from '../../shared/ipc/batch-control';
import type { DepositSlipView, LedgerView, PaymentView } from '../../shared/ipc/payments';
import { keyFormWithMiskeyedCheck, prepareBook } from './corrections-book';
import { focusedLabel, launchChromium, must, openDeskPage, statusText, type DeskPage } from './harness';

// A form corrected (§4a) carries its check to the item that replaces it; the check, keyed wrong,
// is then corrected from that item with Alt+P — keyboard only, and every figure follows.
describe('a check carried to a corrected item, corrected from that item with Alt+P', () => {
  let browser: Browser;
  let desk: DeskPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { prepareBook });
    page = desk.page;
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  const seq = async (...parts: string[]) => {
    for (const part of parts) {
      if (['Enter', 'Tab', 'Shift+Tab', 'Backspace', 'Control+a', 'Control+Enter', 'Alt+p', 'ArrowDown', 'ArrowUp', 'Home'].includes(part)) await page.keyboard.press(part);
      else await page.keyboard.type(part);
    }
  };
  /** The grid row the keyboard is on. */
  const activeRow = () => page.evaluate(() => {
    const d = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null; getElementById(id: string): { textContent: string | null } | null } }).document;
    const id = d.activeElement?.getAttribute('aria-activedescendant');
    return id ? (d.getElementById(id)?.textContent ?? '') : '';
  });
  const toItemsGrid = async () => {
    for (let i = 0; i < 80 && !(await focusedLabel(page)).startsWith('Items keyed'); i++) await page.keyboard.press('Tab');
  };

  it('keys a form for 100 shares with its check mis-keyed (5000 for 500), then corrects the form to 90 shares', async () => {
    await keyFormWithMiskeyedCheck(page, seq);

    await toItemsGrid();
    expect(await focusedLabel(page)).toBe('Items keyed, 1');
    await seq('Enter');
    await page.getByRole('heading', { name: /^Correct item \d+: RT-000001$/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    await seq('Basic shares were 90, keyed as 100', 'Tab');
    expect(await focusedLabel(page)).toBe('Basic shares');
    await seq('Control+a', '90', 'Control+Enter');
    await expect.poll(() => statusText(page)).toMatch(/Item 1 corrected: reversed, and keyed again as item 2/);
  });

  it('Alt+P on the corrected item opens its carried check; reversed and keyed again as 500.00 for that item', async () => {
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    await toItemsGrid();
    await expect.poll(() => focusedLabel(page)).toBe('Items keyed, 2');
    for (let i = 0; i < 3 && !(await activeRow()).includes('Corrects item 1'); i++) await seq('ArrowDown');
    expect(await activeRow()).toContain('Corrects item 1');
    await seq('Alt+p');
    await page.getByRole('heading', { name: 'Correct a payment of item 2: RT-000001' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    await expect.poll(() => page.getByLabel('Amount', { exact: true }).inputValue()).toBe('5,000.00');
    await seq('Amount keyed as 5000.00, the check says 500.00', 'Tab');
    expect(await focusedLabel(page)).toBe('Key a payment in its place');
    await seq('Tab', 'Tab');
    expect(await focusedLabel(page)).toBe('Amount');
    await seq('Control+a', '500', 'Control+Enter');
    await expect.poll(() => statusText(page)).toMatch(/^Done: Payment #1 reversed, keyed again as payment #2 \(500\.00\): Amount keyed as 5000\.00, the check says 500\.00\.$/);
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    await desk.shot('intake-carried-payment-corrected');
    expect(desk.problems).toEqual([]);
  });

  it('the replacement applies to the corrected item; the item, the slip, batch control and the escrow ledger count it once and tie', async () => {
    const batches = (await must(desk.bridge, 'intake.batches', { programId: 1 })) as { id: number }[];
    const batchId = batches[0]!.id;
    const items = (await must(desk.bridge, 'intake.items', { batchId })) as BatchItemView[];
    const live = items.find((i) => !i.reversed)!;
    expect([live.electionId, live.correctsId, live.basicShares, live.amount, live.codes.join(' ')]).toEqual([2, 1, 90, '500.00', 'NO_GOOD_FUNDS']);
    const applied = (await must(desk.bridge, 'payments.find', { programId: 1, electionId: 2 })) as PaymentView[];
    expect(applied.map((p) => [p.id, p.amount, p.electionId])).toEqual([[2, '500.00', 2]]);
    const slip = (await must(desk.bridge, 'payments.depositSlip', { batchId })) as DepositSlipView;
    expect([slip.count, slip.total]).toEqual([1, '500.00']);
    const control = (await must(desk.bridge, 'batchControl.figures', { batchId })) as BatchControlView;
    expect(control.figures.amountTotal).toMatchObject({ payments: 1, amount: '500.00' });
    const ledger = (await must(desk.bridge, 'payments.ledger', { programId: 1 })) as LedgerView;
    expect([ledger.totals.pending, ledger.tieOut.ties, ledger.tieOut.differences]).toEqual(['500.00', true, []]);
  });
});
