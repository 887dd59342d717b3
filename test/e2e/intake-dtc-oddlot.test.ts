import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { oddLotIntakeBook, openEnvelope, rightsIntakeBook } from '../../electron/desk/testing/intake-more-fixture';
import { ADMIN, focusedLabel, key, launchChromium, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';
import { tabTo } from './program-desk';

// A clerk's DTC deliveries and odd-lot mail, keyboard only: a nominee's instruction with its
// certification and one without (its deficiency shown in words), an odd-lot sale and a buy-up,
// an ineligible account refused with its reason shown before saving, and a guaranteed delivery
// (terms that allow it) awaited, then covered by its certificate in time.
describe('DTC instructions and odd-lot orders, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      // The desk's clock on the Monday of the deal's last week: a notice keyed on Friday is still awaited.
      now: () => new Date('2003-12-08T15:00:00Z'),
      seed: async (bridge) => {
        const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
        // The programs, registers, certificates and envelopes, through a second connection to the book.
        const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
        try {
          const rights = await rightsIntakeBook(store, { supervisor: admin });
          await openEnvelope(store, rights, '2003-12-01T10:15', 'dtc');
          const oddLot = await oddLotIntakeBook(store, { supervisor: admin });
          await openEnvelope(store, oddLot, '2003-12-01T11:00', 'mail');
          const guaranteed = await rightsIntakeBook(store, { supervisor: admin, guaranteedDelivery: true });
          await openEnvelope(store, guaranteed, '2003-12-05T15:00', 'courier');
          await openEnvelope(store, guaranteed, '2003-12-09T10:00', 'mail');
        } finally {
          await store.close();
        }
        await must(bridge, 'session.signOut', {});
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  /** Types into the focused field and moves on with Tab. */
  const fill = async (...values: string[]) => {
    for (const v of values) await key(desk.page, v, 'Tab');
  };

  it('keys a DTC instruction with its certification, and one without: NOMINEE_CERTIFICATION_MISSING in words', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await key(page, '', 'Control+4');
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor(); // not Setup's list of the same name
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 3');
    // Listed by record date, newest first: the guaranteed-delivery offering, XO, then the odd-lot program.
    await key(page, '', 'ArrowDown', 'Enter');
    await tabTo(desk, 'DTC instructions, guaranteed deliveries, odd-lot orders…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Intake · XO Communications 2003 rights offering' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    await key(page, '', 'ArrowDown', 'Tab');
    await fill('RT-000008', '0012345', '0352', 'Example Securities LLC', '1000', '1000', '200', '6000');
    expect(await focusedLabel(page)).toBe('Settled through DTC');
    await key(page, '', 'Tab', 'Space', 'Tab'); // settled stays Yes; Space: the certification was made
    await fill('BO-1', '600', '600', '150', 'BO-2', '400', '400', '50');
    await page.getByText('No deficiencies.').waitFor();
    await desk.shot('intake-dtc-certified');
    await key(page, '', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('VOI 0012345 saved on RT-000008 — no deficiencies');
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');

    // The envelope carries over; an oversubscription without the certification.
    await key(page, '', 'Tab');
    await fill('RT-000008', '0012399', '0005', 'Second Bank N.A.', '500', '500', '100', '3000');
    const missing = page.getByText('Nominee Holder Certification missing — deficiency NOMINEE_CERTIFICATION_MISSING').first();
    await missing.waitFor();
    await desk.shot('intake-dtc-uncertified');
    await key(page, '', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('VOI 0012399 saved on RT-000008 — deficient: NOMINEE_CERTIFICATION_MISSING');
    const list = page.getByRole('table', { name: 'DTC instructions keyed' });
    await expect.poll(() => list.innerText()).toContain('Nominee Holder Certification missing (NOMINEE_CERTIFICATION_MISSING)');
    expect(await list.innerText()).toMatch(/0012345[\s\S]*Yes \(2 lines\)[\s\S]*None/);
  });

  it('keys an odd-lot sale and a buy-up; an ineligible account is refused with its reason shown before saving', async () => {
    const { page } = desk;
    await tabTo(desk, 'Choose another program', true);
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 3');
    await key(page, '', 'ArrowDown', 'ArrowDown', 'Enter'); // the odd-lot program
    await tabTo(desk, 'DTC instructions, guaranteed deliveries, odd-lot orders…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Intake · XO Communications odd-lot program 2003-2004' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    await key(page, '', 'ArrowDown', 'Tab');
    await fill('OL-1', '', '112803', '0930');
    await page.getByText('Eligible: the order moves 37 shares.').waitFor();
    await key(page, '', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('Order saved: OL-1 sells 37 shares.');

    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    await key(page, '', 'Tab');
    await key(page, 'OL-5', 'Tab', 'b', 'Tab'); // B: buy up
    await fill('120103', '1055', '7.05');
    await page.getByText('Eligible: the order moves 40 shares.').waitFor();
    await key(page, '', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('Order saved: OL-5 buys 40 shares.');

    // Canada is excluded: the reason shows before anything is saved, and saving is refused.
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    await key(page, '', 'Tab');
    await fill('OL-3', '', '120103', '1030');
    const reason = page.getByText('Not eligible — Account: the holder’s address is in CA, where the offer is not made (EXCLUDED_JURISDICTION)');
    await reason.waitFor();
    await desk.shot('intake-odd-lot-ineligible');
    await key(page, '', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('the offer is not made');
    const orders = page.getByRole('table', { name: 'Odd-lot orders keyed' });
    await expect.poll(() => orders.innerText()).toMatch(/OL-5[\s\S]*Buy up[\s\S]*40[\s\S]*OL-1[\s\S]*Sell all[\s\S]*37/);
    expect(await orders.innerText()).not.toContain('OL-3');
    expect(desk.problems).toEqual([]);
  });

  it('keys a Notice of Guaranteed Delivery where the terms allow it, lists it awaiting with its due date, then records its certificate in time', async () => {
    const { page } = desk;
    await tabTo(desk, 'Choose another program', true);
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 3');
    await key(page, '', 'Enter');
    await tabTo(desk, 'DTC instructions, guaranteed deliveries, odd-lot orders…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Intake · XO Communications rights offering with guaranteed delivery' }).waitFor();
    await tabTo(desk, 'Guaranteed deliveries');
    await key(page, '', 'Enter');
    await page.getByText('Certificates are due within 3 business days of the notice').waitFor();
    await tabTo(desk, 'Envelope');
    await key(page, '', 'ArrowDown', 'ArrowDown', 'Tab'); // the courier envelope of Friday 12/05
    await fill('First Eligible Bank N.A.', 'H-1003', 'RT-000004', '999', '999', '0', '', '4995', 'First Eligible Bank N.A.', 'FED-1205-1');
    await key(page, '', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('Notice saved: RT-000004 due by 5:00 p.m. on 12/10/2003.');
    const notices = page.getByRole('table', { name: 'Notices of guaranteed delivery' });
    await expect.poll(() => notices.innerText()).toMatch(/First Eligible Bank N\.A\.[\s\S]*RT-000004[\s\S]*12\/10\/2003[\s\S]*Awaiting certificate/);
    await desk.shot('intake-guaranteed-awaiting');

    await tabTo(desk, 'Notice');
    await key(page, '', 'ArrowDown', 'Tab', 'ArrowDown', 'Tab'); // the notice; Tuesday's mail
    await key(page, 'RT-000004', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('RT-000004 arrived in time: the election is complete.');
    await expect.poll(() => notices.innerText()).toMatch(/RT-000004[\s\S]*Covered/);
    // The wire is not collected yet (a payments matter); the delivery itself is covered.
    expect(await notices.innerText()).toContain('No good funds (NO_GOOD_FUNDS)');
    expect(await notices.innerText()).not.toContain('GUARANTEED_DELIVERY_NOT_COVERED');
    expect(desk.problems).toEqual([]);
  });
});
