/** A book for the corrections' e2e tests (an administrator, a clerk, and the XO offering), and their first keys. */
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { createFirstAdmin, createUser } from '../../electron/desk/services/accounts';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { createProgram } from '../../electron/desk/services/programs';
import { recordTerms } from '../../electron/desk/services/terms';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { entry, writeRegister } from '../../electron/desk/testing/xo-register-fixture';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ADMIN, CLERK, focusedLabel, signInWithKeys, statusText } from './harness';

/** The XO offering with three holders of 1,000 class A rights, certificates RT-000001 … RT-000003. */
export async function prepareBook(bookPath: string): Promise<void> {
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

/**
 * Signs the clerk in, opens Intake and the first program, stamps an envelope of December 8, 2003
 * and keys RT-000001 for 100 shares with its check mis-keyed: 5000 for 500.
 */
export async function keyFormWithMiskeyedCheck(page: Page, seq: (...parts: string[]) => Promise<void>): Promise<void> {
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
  await seq('120803', 'Enter', 'Enter');
  await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
  await seq('1030', 'Enter', 'Backspace', '1', 'Enter');
  await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
  await seq('RT-000001', 'Enter');
  await page.getByText('HOLDER 1 ŁÓDŹ').waitFor();
  await seq('100', 'Enter', '5000', 'Enter', '021000021', '1234', 'Enter');
  await expect.poll(() => statusText(page)).toMatch(/Saved item \d+: RT-000001/);
}
