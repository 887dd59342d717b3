import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { BatchItemView } from '../../shared/ipc/intake-forms';
import { createFirstAdmin, createUser } from '../../electron/desk/services/accounts';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { createProgram } from '../../electron/desk/services/programs';
import { recordTerms } from '../../electron/desk/services/terms';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { entry, writeRegister } from '../../electron/desk/testing/xo-register-fixture';
import { ADMIN, CLERK, focusedLabel, launchChromium, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';

/** The XO offering (expires 12/08/2003 5:00 p.m. ET) with ten holders of 1,000 class A rights, certificates RT-000001 … RT-000010. */
async function prepareBook(bookPath: string): Promise<void> {
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'create' });
  const admin = await createFirstAdmin(store, ADMIN);
  await createUser(store, admin, { ...CLERK, role: 'clerk' });
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' });
  await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  const holders = Array.from({ length: 10 }, (_, i) => entry({ account: `E-${String(i + 1).padStart(2, '0')}`, class: 'A', units: '1000', registration: [`HOLDER ${i + 1} ŁÓDŹ`, '', '', ''] }, i + 2));
  await writeRegister(store, { programId: program.id, supervisor: admin }, holders);
  await issueCertificates(store, actorOf(admin), program.id);
  await store.close();
}

/** Counts what the clerk presses: characters of the data, and every other key. */
class Keys {
  data = 0;
  other = 0;
  constructor(private readonly page: Page) {}
  async type(text: string) {
    await this.page.keyboard.type(text);
    this.data += text.length;
  }
  async press(...keys: string[]) {
    for (const k of keys) await this.page.keyboard.press(k);
    this.other += keys.length;
  }
  /** A barcode scanner: types the number and Enter itself; the clerk presses nothing. */
  async scan(text: string) {
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }
  reset() {
    this.data = 0;
    this.other = 0;
  }
}

describe('keying a day’s mail, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let page: Page;
  let keys: Keys;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { prepareBook });
    page = desk.page;
    keys = new Keys(page);
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  const KEY_NAMES = new Set(['Enter', 'Tab', 'Shift+Tab', 'Escape', 'Backspace', 'Home', 'ArrowDown']);
  /** Types the texts and presses the keys, in order. */
  const seq = async (...parts: string[]) => {
    for (const part of parts) {
      if (KEY_NAMES.has(part)) await page.keyboard.press(part);
      else if (part !== '') await page.keyboard.type(part);
    }
  };
  /** Waits for the status line to report the save of `number` and returns what it said. */
  const savedStatus = async (number: string) => {
    await expect.poll(() => statusText(page)).toMatch(new RegExp(`Saved item \\d+: ${number}`));
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    return statusText(page);
  };
  /** To the payment's method (Enter passed it by), a letter picks it, back to the amount. */
  const method = async (letters: string) => {
    await keys.press('Shift+Tab');
    expect(await focusedLabel(page)).toBe('Method');
    await keys.type(letters);
    await keys.press('Tab');
  };

  it('opens a batch and stamps an envelope', async () => {
    await signInWithKeys(page, CLERK);
    await expect.poll(() => focusedLabel(page)).not.toBe('');
    // Right after signing in the shell may not take the shortcut yet: pressed until the Intake area
    // shows (Setup's list of programs has the same name as the Intake area's, so the area is what is waited for).
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+4');
        return page.getByRole('heading', { name: 'Intake', level: 2 }).count();
      })
      .toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await seq('', 'Enter');
    await page.getByRole('heading', { name: /^Mail log: XO Communications/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Receipt date');
    await seq('120803', 'Enter', 'Enter');
    await page.getByRole('heading', { name: /^Batch Mail 12\/08\/2003 #1 — received 12\/08\/2003$/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
    await seq('1030', 'Enter');
    expect(await focusedLabel(page)).toBe('Items in the envelope');
    await seq('', 'Backspace');
    await seq('9', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Envelope 1 stamped 10:30 a\.m\. on 12\/08\/2003: key its 9 items/);
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
  });

  it('keys a clean check in at most three keys beyond its data, the certificate scanned', async () => {
    keys.reset();
    await keys.scan('RT-000006');
    await page.getByText('HOLDER 6 ŁÓDŹ').waitFor();
    expect(await focusedLabel(page)).toBe('Basic shares');
    await keys.type('100');
    await keys.press('Enter');
    expect(await focusedLabel(page)).toBe('Amount');
    await keys.type('500');
    await keys.press('Enter');
    expect(await focusedLabel(page)).toBe('Routing number');
    await keys.type('021000021'); // moves on by itself at its ninth digit
    await expect.poll(() => focusedLabel(page)).toBe('Check number');
    // The engine's word on an uncleared check shows beside the payments as the clerk types (§6a).
    await page.getByText('No good funds — deficiency NO_GOOD_FUNDS').waitFor();
    await keys.type('1234');
    await keys.press('Enter');
    expect(await savedStatus('RT-000006')).toMatch(/deficiencies NO_GOOD_FUNDS/);
    expect(keys.other).toBeLessThanOrEqual(3);
    process.stderr.write(`clean check form: ${keys.data} data keys + ${keys.other} others (certificate scanned); typed by hand, +9 characters and 1 Enter\n`);
    await desk.shot('80-intake-clean-check');
  });

  it('keys the other kinds of item and shows each verdict', async () => {
    // Full: a certified check is good funds on receipt.
    await seq('RT-000001', 'Enter');
    await seq('100', 'Enter');
    await method('ce');
    await seq('500', 'Enter', 'Enter');
    expect(await focusedLabel(page)).toBe('Check number');
    await seq('881', 'Enter');
    expect(await savedStatus('RT-000001')).toMatch(/— no deficiencies/);

    // No number indicated (§4b): exercised for what $250 covers.
    await seq('RT-000002', 'Enter', 'Enter');
    await method('m');
    await seq('250', 'Enter');
    expect(await focusedLabel(page)).toBe('Check number');
    await page.getByText(/Deemed exercise \(§4b\): 50 basic/).waitFor();
    await seq('70012', 'Enter');
    expect(await savedStatus('RT-000002')).toMatch(/— no deficiencies/);

    // Short payment.
    await seq('RT-000003', 'Enter', '100', 'Enter');
    await method('m');
    await seq('400', 'Enter', '70013');
    await page.getByText('Payment short — deficiency PAYMENT_SHORT').waitFor();
    await seq('', 'Enter');
    expect(await savedStatus('RT-000003')).toMatch(/deficiencies PAYMENT_SHORT/);

    // Unsigned: N on the question, Enter goes on to the money.
    await seq('RT-000004', 'Enter', '10', 'Tab', 'Tab');
    expect(await focusedLabel(page)).toBe('Signed');
    await seq('n');
    await page.getByText('Not signed — deficiency UNSIGNED').waitFor();
    await seq('', 'Enter');
    expect(await focusedLabel(page)).toBe('Amount');
    await method('m');
    await seq('50', 'Enter', '70014', 'Enter');
    expect(await savedStatus('RT-000004')).toMatch(/deficiencies UNSIGNED/);

    // Oversubscription, the basic rights exercised in full.
    await seq('RT-000005', 'Enter', '1000', 'Tab', '200', 'Enter');
    await method('ce');
    await seq('6000', 'Enter', 'Enter', '882', 'Enter');
    expect(await savedStatus('RT-000005')).toMatch(/— no deficiencies/);

    // Money order.
    await seq('RT-000007', 'Enter', '20', 'Enter');
    await method('m');
    await seq('100', 'Enter', '70015', 'Enter');
    expect(await savedStatus('RT-000007')).toMatch(/— no deficiencies/);

    // Wire: good funds once collected.
    await seq('RT-000008', 'Enter', '40', 'Enter');
    await method('w');
    await seq('200', 'Enter');
    expect(await focusedLabel(page)).toBe('Wire reference');
    await seq('XO-E08', 'Enter');
    expect(await savedStatus('RT-000008')).toMatch(/deficiencies NO_GOOD_FUNDS/);

    // The same certificate again: a warning naming the earlier item, confirmed with Y.
    await seq('RT-000001', 'Enter');
    await page.getByText(/Keyed before: item \d+ by carl/).waitFor();
    await seq('5', 'Enter');
    await method('m');
    await seq('25', 'Enter', '70016', 'Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Key it anyway?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/RT-000001 was keyed before: item \d+ by carl/);
    await desk.shot('81-intake-duplicate-warning');
    await seq('y');
    expect(await savedStatus('RT-000001')).toMatch(/— no deficiencies/);
  });

  it('marks late an envelope stamped 5:01 p.m. on the expiration date', async () => {
    await seq('', 'Escape'); // the form is empty: back to the envelope
    await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
    await seq('1701', 'Enter', 'Backspace', '1', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Envelope 2 stamped 5:01 p\.m\. on 12\/08\/2003/);
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    await seq('RT-000009', 'Enter', '10', 'Enter');
    await page.getByText('Received after expiration — deficiency LATE').waitFor();
    await method('m');
    await seq('50', 'Enter', '70017', 'Enter');
    expect(await savedStatus('RT-000009')).toMatch(/deficiencies LATE/);
    await desk.shot('82-intake-batch');
  });

  it('corrects a saved item from the list: reversed with its reason and keyed again (§4a)', async () => {
    for (let i = 0; i < 80 && !(await focusedLabel(page)).startsWith('Items keyed'); i++) await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Items keyed, 10');
    await seq('Home', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter');
    await page.getByRole('heading', { name: /^Correct item \d+: RT-000003$/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    await seq('Basic shares keyed as 100, the form says 80', 'Tab');
    expect(await focusedLabel(page)).toBe('Basic shares');
    await page.keyboard.press('Control+a');
    await seq('80');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => statusText(page)).toMatch(/^Done: Item \d+ corrected: reversed, and keyed again as item \d+ — no deficiencies\.$/);
    await page.getByRole('grid', { name: /^Items keyed, 11$/ }).waitFor();
    await desk.shot('83-intake-corrected');
  });

  it('keeps in the book exactly what the screen showed', async () => {
    const batches = await desk.bridge.desk.dispatch('intake.batches', { programId: 1 });
    if (!batches.ok) throw new Error(batches.error.message);
    const batchId = (batches.value as { id: number }[])[0]!.id;
    const answer = await desk.bridge.desk.dispatch('intake.items', { batchId });
    if (!answer.ok) throw new Error(answer.error.message);
    const items = answer.value as BatchItemView[];
    expect(items.map((i) => [i.envelopeSeq, i.certificateNumber, i.basicShares, i.oversubscriptionShares, i.amount, i.codes.join(' '), i.reversed, i.correctsId !== null])).toEqual([
      [1, 'RT-000006', 100, 0, '500.00', 'NO_GOOD_FUNDS', false, false],
      [1, 'RT-000001', 100, 0, '500.00', '', false, false],
      [1, 'RT-000002', null, 0, '250.00', '', false, false],
      // Corrected: its money moved to the correction, deposited once.
      [1, 'RT-000003', 100, 0, '0.00', 'NO_GOOD_FUNDS', true, false],
      [1, 'RT-000004', 10, 0, '50.00', 'UNSIGNED', false, false],
      [1, 'RT-000005', 1000, 200, '6000.00', '', false, false],
      [1, 'RT-000007', 20, 0, '100.00', '', false, false],
      [1, 'RT-000008', 40, 0, '200.00', 'NO_GOOD_FUNDS', false, false],
      [1, 'RT-000001', 5, 0, '25.00', '', false, false],
      [2, 'RT-000009', 10, 0, '50.00', 'LATE', false, false],
      [1, 'RT-000003', 80, 0, '400.00', '', false, true],
    ]);
    const grid = await page.getByRole('grid', { name: /^Items keyed, 11$/ }).innerText();
    for (const shown of ['NO_GOOD_FUNDS', 'UNSIGNED', 'LATE', 'Corrected (reversed)', 'Corrects item']) expect(grid).toContain(shown);
    expect(desk.problems).toEqual([]);
  });
});
