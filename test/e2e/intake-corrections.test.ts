import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchItemView } from '../../shared/ipc/intake-forms';
import type { DepositSlipView, LedgerView, PaymentView } from '../../shared/ipc/payments';
import type { BatchControlView } from '../../shared/ipc/batch-control';
import { keyFormWithMiskeyedCheck, prepareBook } from './corrections-book';
import { focusedLabel, launchChromium, must, openDeskPage, statusText, type DeskPage } from './harness';

describe('a payment keyed wrong, corrected from the batch desk’s item, keyboard only', () => {
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
      if (['Enter', 'Tab', 'Shift+Tab', 'Backspace', 'Control+a', 'Control+Enter', 'Alt+p', 'Home'].includes(part)) await page.keyboard.press(part);
      else await page.keyboard.type(part);
    }
  };

  it('keys a check whose amount is mis-keyed (5000 for 500)', async () => {
    await keyFormWithMiskeyedCheck(page, seq);
  });

  it('reverses it and keys it again from the item: Alt+P, the reason, the right amount, Ctrl+Enter', async () => {
    for (let i = 0; i < 80 && !(await focusedLabel(page)).startsWith('Items keyed'); i++) await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Items keyed, 1');
    await seq('Alt+p');
    await page.getByRole('heading', { name: /^Correct a payment of item \d+: RT-000001$/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    await expect.poll(() => page.getByLabel('Amount', { exact: true }).inputValue()).toBe('5,000.00');
    await seq('Amount keyed as 5000.00, the check says 500.00', 'Tab');
    expect(await focusedLabel(page)).toBe('Key a payment in its place');
    await seq('Tab', 'Tab');
    expect(await focusedLabel(page)).toBe('Amount');
    await seq('Control+a', '500', 'Control+Enter');
    await expect.poll(() => statusText(page)).toMatch(/^Done: Payment #1 reversed, keyed again as payment #2 \(500\.00\): Amount keyed as 5000\.00, the check says 500\.00\.$/);
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    await desk.shot('84-intake-payment-corrected');
  });

  it('leaves the item, the deposit slip, batch control and the escrow ledger tied to the cent', async () => {
    const batches = (await must(desk.bridge, 'intake.batches', { programId: 1 })) as { id: number }[];
    const batchId = batches[0]!.id;
    const items = (await must(desk.bridge, 'intake.items', { batchId })) as BatchItemView[];
    expect(items.map((i) => [i.certificateNumber, i.amount, i.codes.join(' ')])).toEqual([['RT-000001', '500.00', 'NO_GOOD_FUNDS']]);
    const slip = (await must(desk.bridge, 'payments.depositSlip', { batchId })) as DepositSlipView;
    expect([slip.count, slip.total]).toEqual([1, '500.00']);
    const control = (await must(desk.bridge, 'batchControl.figures', { batchId })) as BatchControlView;
    expect(control.figures.amountTotal).toMatchObject({ payments: 1, amount: '500.00' });
    const ledger = (await must(desk.bridge, 'payments.ledger', { programId: 1 })) as LedgerView;
    expect([ledger.totals.pending, ledger.tieOut.ties]).toEqual(['500.00', true]);
    const payments = (await must(desk.bridge, 'payments.find', { programId: 1 })) as PaymentView[];
    expect(payments.map((p) => [p.id, p.amount, p.checkNumber])).toEqual([[2, '500.00', '1234']]);
    expect(desk.problems).toEqual([]);
  });
});
