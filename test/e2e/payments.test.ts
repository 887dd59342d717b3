import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { SessionUser } from '../../shared/ipc/types';
import { FIXTURE_BANK, FIXTURE_BANK_LAYOUT, FIXTURE_HEADER, FIXTURE_LAYOUT } from '../../electron/desk/services/payments/bank-fixture';
import { openStore } from '../../electron/desk/store/open-store';
import { keyElection, keyPayment, openBatch, paymentsBookOf } from '../../electron/desk/testing/payments-fixture';
import { writeRegister, XO_CUSIP } from '../../electron/desk/testing/xo-register-fixture';
import { ADMIN, CLERK, focusedLabel, key, launchChromium, menuCommand, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';
import { tabTo } from './program-desk';

const XO = { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' };

/** The book: the XO register, its certificates, a clerk, a batch of mail with three checks and a money order, the bank's layout. */
async function seed(bridge: DeskPage['bridge']): Promise<string> {
  const ada = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
  const { id: programId } = (await must(bridge, 'programs.create', XO)) as { id: number };
  await must(bridge, 'terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON });
  const clerk = (await must(bridge, 'users.create', { ...CLERK, role: 'clerk' })) as SessionUser;
  await must(bridge, 'payments.saveBankLayout', { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
  const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
  try {
    await writeRegister(store, { programId, supervisor: ada });
    await bridge.desk.whenFinished(((await must(bridge, 'certificates.issue', { programId })) as { jobId: number }).jobId); // issuing is a job
    const book = await paymentsBookOf(store, programId, ada, clerk);
    const where = await openBatch(store, book, '2003-11-10');
    const election = (n: number) => keyElection(store, book, where, n, 10);
    await keyPayment(store, book, where, { method: 'check', amount: '615.00', checkNumber: '1001', bankAccount: '12345678', payer: 'Zofia Łódź-Nowak', electionId: await election(0) });
    await keyPayment(store, book, where, { method: 'check', amount: '100.00', checkNumber: '1002', bankAccount: '12345678', payer: 'Jürgen Müller', electionId: await election(1) });
    await keyPayment(store, book, where, { method: 'check', amount: '61.50', checkNumber: '1003', bankAccount: '55501234', payer: 'Nguyễn Văn An', electionId: await election(3) });
    await keyPayment(store, book, where, { method: 'money-order', amount: '24.60', checkNumber: 'MO-4471', payer: 'Marie-Hélène Dubois', electionId: await election(6) });
  } finally {
    await store.close();
  }
  await must(bridge, 'session.signOut', {});
  const file = path.join(path.dirname(bridge.bookPath), 'clearance-20031112.csv');
  writeFileSync(file, [FIXTURE_HEADER, '1001,12345678,615.00,11/12/2003,PAID,,', '1002,12345678,100.00,11/12/2003,RETURNED,NSF,', '1009,12345678,615.00,11/12/2003,PAID,,', ''].join('\r\n'));
  bridge.setOpenPath(file);
  return file;
}

// A clerk's afternoon, keyboard only: one check cleared by hand, a bank file that clears one and
// returns another (and names the line it cannot match), the unmatched lines saved, the ledger tied.
describe('payments, clearance from a bank file and the escrow ledger, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { seed: async (bridge) => void (await seed(bridge)) });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('finds a check by its number and clears it by hand', async () => {
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await page.keyboard.press('Control+5');
    await page.getByRole('heading', { name: 'Payments', exact: true }).first().waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: `Payments: ${XO.name}` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Check number');
    await key(page, '1003', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Payments found, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Check 1003: $61.50' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Cleared on');
    await key(page, '111503', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Cleared on: 2003-11-15 is a weekend/);
    await key(page, '', 'Control+a', 'Backspace');
    await key(page, '111203', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: Check 1003 ($61.50) cleared on 11/12/2003: now good funds.');
    await page.getByText('Cleared 2003-11-12: good funds').waitFor();
    await desk.shot('80-payment-cleared');
  });

  it('reads the bank file: one check cleared, one returned, the unmatched line named and saved as CSV', async () => {
    const { page } = desk;
    await key(page, '', 'Escape');
    await expect.poll(() => focusedLabel(page)).toBe('Check number');
    await tabTo(desk, 'Read a bank file', true);
    await key(page, '', 'Enter');
    await tabTo(desk, 'Read a bank file…');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: clearance-20031112.csv: 1 cleared, 1 returned, 1 unmatched.');
    await page.getByText('clearance-20031112.csv: 3 lines — 1 cleared ($615.00), 1 returned ($100.00), 1 unmatched.').waitFor();
    const unmatched = page.getByRole('grid', { name: /^Unmatched lines, 1$/ });
    await unmatched.waitFor();
    expect(await unmatched.innerText()).toMatch(/4\s+1009\s+12345678\s+615\.00\s+PAID\s+no payment with check number 1009 on account 12345678 in this program — NO_SUCH_CHECK/);
    await desk.shot('81-bank-file-report');
    await tabTo(desk, 'Save the unmatched lines as CSV…');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: 1 unmatched lines saved as unmatched-clearance-20031112.csv.');
    const saved = path.join(path.dirname(desk.bridge.bookPath), 'unmatched-clearance-20031112.csv');
    expect(existsSync(saved)).toBe(true);
    expect(readFileSync(saved, 'utf8')).toContain('4,1009,12345678,615.00,11/12/2003,PAID,,,NO_SUCH_CHECK,');
  });

  it('shows the escrow ledger tied to the cent, by method and by day', async () => {
    const { page } = desk;
    await tabTo(desk, 'Escrow ledger (§6b)', true);
    await key(page, '', 'Enter');
    await page.getByText('The ledger ties: 4 payments, 3 clearances and returns, 7 ledger entries — every one accounted for to the cent.').waitFor();
    const byMethod = await page.getByRole('table', { name: 'Balances by method' }).innerText();
    // Held: 615.00 + 61.50 (cleared) + 24.60 (money order, good on receipt); 100.00 returned.
    expect(byMethod).toMatch(/Total\s+\$0\.00\s+\$701\.10\s+\$701\.10\s+\$100\.00\s+\$0\.00\s+\$0\.00/);
    expect(byMethod).toMatch(/Money order\s+\$0\.00\s+\$24\.60/);
    const byDay = await page.getByRole('table', { name: 'Balances by business day' }).innerText();
    expect(byDay).toMatch(/11\/10\/2003\s+\$801\.10\s+\$0\.00\s+\$0\.00\s+\$776\.50\s+\$24\.60\s+\$801\.10/);
    expect(byDay).toMatch(/11\/12\/2003\s+\$0\.00\s+\$676\.50\s+\$100\.00\s+\$0\.00\s+\$701\.10\s+\$701\.10\s+\$100\.00/);
    await desk.shot('82-escrow-ledger');
  });

  it('lets a supervisor split a payment across two elections, to the cent', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await page.keyboard.press('Control+5');
    await page.getByRole('heading', { name: 'Payments', exact: true }).first().waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Check number');
    await key(page, '1001', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Payments found, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Check 1001: $615.00' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Election 1');
    await key(page, '', 'Tab');
    await key(page, '515', 'Tab');
    await key(page, '2', 'Tab');
    await key(page, '99.99', 'Tab');
    await page.getByText('Parts add up to $614.99 of $615.00: $0.01 short.').waitFor();
    await key(page, '', 'Shift+Tab', 'Control+a', 'Backspace');
    await key(page, '100');
    await page.getByText('Parts add up to $615.00 of $615.00: exact.').waitFor();
    await tabTo(desk, 'Reason for the split');
    await key(page, 'One check paid for two certificates of one holder', 'Enter');
    await expect.poll(() => statusText(page)).toBe('Done: Payment #1 ($615.00) split across 2 elections.');
    await page.getByText('election #1: $515.00; election #2: $100.00').waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Check 1001: $615.00');
    await desk.shot('83-payment-split');
    expect(desk.problems).toEqual([]);
  });
});
