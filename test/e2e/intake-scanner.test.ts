import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { BatchItemView } from '../../shared/ipc/intake-forms';
import type { PaymentView } from '../../shared/ipc/payments';
import { createFirstAdmin, createUser } from '../../electron/desk/services/accounts';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { createProgram } from '../../electron/desk/services/programs';
import { recordTerms } from '../../electron/desk/services/terms';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { entry, writeRegister } from '../../electron/desk/testing/xo-register-fixture';
import { ADMIN, CLERK, focusedLabel, launchChromium, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';

/** The certificate lookup's answer held back this long: a loaded machine, slower than any scanner. */
const SLOW_LOOKUP_MS = 3000;

/** The XO offering with three holders of 1,000 class A rights, certificates RT-000001 … RT-000003. */
async function prepareBook(bookPath: string): Promise<void> {
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'create' });
  const admin = await createFirstAdmin(store, ADMIN);
  await createUser(store, admin, { ...CLERK, role: 'clerk' });
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' });
  await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  const holders = Array.from({ length: 3 }, (_, i) => entry({ account: `E-${String(i + 1).padStart(2, '0')}`, class: 'A', units: '1000', registration: [`HOLDER ${i + 1} ŁÓDŹ`, '', '', ''] }, i + 2));
  await writeRegister(store, { programId: program.id, supervisor: admin }, holders);
  await issueCertificates(store, actorOf(admin), program.id);
  await store.close();
}

describe('keys faster than the certificate lookup (a scanner on a loaded machine)', () => {
  let browser: Browser;
  let desk: DeskPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { prepareBook, delays: { 'intake.certificate': SLOW_LOOKUP_MS } });
    page = desk.page;
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  /** Every key at once, no pause between them: how a scanner and a fast clerk arrive on a busy desk. */
  const burst = async (...parts: string[]) => {
    for (const part of parts) {
      if (part === 'Enter' || part === 'Tab' || part === 'Shift+Tab') await page.keyboard.press(part);
      else await page.keyboard.type(part);
    }
  };

  it('opens a batch and stamps an envelope', async () => {
    await signInWithKeys(page, CLERK);
    await expect.poll(() => focusedLabel(page)).not.toBe('');
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+4');
        return page.getByRole('heading', { name: 'Intake', level: 2 }).count();
      })
      .toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Receipt date');
    await burst('120803', 'Enter', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
    await burst('1030', 'Enter');
    await page.keyboard.press('Backspace');
    await burst('3', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
  });

  it('saves a scanned check keyed before the lookup answers, the payer carried in from the registration', async () => {
    const started = Date.now();
    await burst('RT-000001', 'Enter', '100', 'Enter', '500', 'Enter', '021000021', '1234', 'Enter');
    const typedMs = Date.now() - started;
    // The whole form was in before the lookup could answer: this is the race, not a slow typist.
    expect(typedMs).toBeLessThan(SLOW_LOOKUP_MS);
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/Saved item \d+: RT-000001 — deficiencies NO_GOOD_FUNDS/);
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    expect(await statusText(page)).not.toMatch(/Payer is required/);
  });

  it('saves a money order whose method was changed while the lookup was in flight', async () => {
    await burst('RT-000002', 'Enter', '20', 'Enter', 'Shift+Tab', 'm', 'Tab', '100', 'Enter', '70015', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 10_000 }).toMatch(/Saved item \d+: RT-000002 — no deficiencies/);
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
  });

  it('stored each key in its own field, the payer as registered', async () => {
    const batches = (await must(desk.bridge, 'intake.batches', { programId: 1 })) as { id: number }[];
    const items = (await must(desk.bridge, 'intake.items', { batchId: batches[0]!.id })) as BatchItemView[];
    expect(items.map((i) => [i.certificateNumber, i.basicShares, i.amount, i.codes.join(' ')])).toEqual([
      ['RT-000001', 100, '500.00', 'NO_GOOD_FUNDS'],
      ['RT-000002', 20, '100.00', ''],
    ]);
    const payments = (await must(desk.bridge, 'payments.find', { programId: 1 })) as PaymentView[];
    const byAmount = [...payments].sort((a, b) => a.id - b.id).map((p) => [p.method, p.amount, p.abaRouting, p.checkNumber, p.payer]);
    expect(byAmount).toEqual([
      ['check', '500.00', '021000021', '1234', 'HOLDER 1 ŁÓDŹ'],
      ['money-order', '100.00', null, '70015', 'HOLDER 2 ŁÓDŹ'],
    ]);
    expect(desk.problems).toEqual([]);
  });
});
