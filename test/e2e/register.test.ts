import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/desk/store/open-store';
import { createProgram } from '../../electron/desk/services/programs';
import { entryOf, seedScreensBook, writeRegister } from '../../electron/desk/testing/register-fixture-screens';
import { ADMIN, areaPrograms, CLERK, focusedLabel, key, launchChromium, openDeskPage, signInWithKeys, type DeskPage } from './harness';

const LONG = 20_000;

/** The text of the first cell of the grid's focused row. */
const focusedRowFirstCell = (page: Page, grid: string): Promise<string> =>
  page.getByRole('grid', { name: new RegExp(`^${grid}, `) }).locator('tr[aria-selected="true"] td').first().innerText();

/** Ctrl+K, type, wait for the option, Enter. */
async function findAndOpen(page: Page, query: string, option: RegExp): Promise<void> {
  await page.keyboard.press('Control+k');
  await key(page, query);
  await page.getByRole('option', { name: option }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** A book with the sample register (issued, one certificate printed, one §9 letter sent) and a long second register. */
async function prepareBook(bookPath: string): Promise<void> {
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'create' });
  await seedScreensBook(store, { admin: ADMIN, clerk: CLERK });
  const ada = await store.read(async (r) => (await r.users.byUsername(ADMIN.username))!);
  const admin = { id: ada.id, username: ada.username, displayName: ada.displayName, role: ada.role };
  const long = await createProgram(store, admin, { kind: 'odd-lot', name: 'Acme odd-lot 2026', issuer: 'Acme Corp.', cusip: '037833100', recordDate: '2026-02-27' });
  function* rows() {
    for (let i = 0; i < LONG; i++) {
      yield entryOf({ account: `AC${String(i).padStart(6, '0')}`, class: '', registration: [`HOLDER ${i} SMITH`], address1: `${i} Main St`, city: 'Springfield', state: 'IL', postalCode: '62701', tin: { type: 'SSN', digits: `219${String(i).padStart(6, '0')}` }, units: String((i % 99) + 1) }, i + 2);
    }
  }
  await writeRegister(store, admin, long.id, rows(), { rowCount: LONG });
  await store.close();
}

describe('the register and certificates, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { prepareBook });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('opens a program\'s register, moves through it and opens a holder with the TIN masked', async () => {
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await areaPrograms(page, 'Control+2', 'Register', 2);
    await key(page, 'XO', 'Enter'); // typing finds the program by its name
    await page.getByRole('heading', { name: 'Register: XO Communications 2003 rights offering' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Register, 7');
    await page.getByText('7 entries on the record-date register; 7 certificates issued').waitFor();
    await desk.shot('60-register-grid');
    await key(page, '', 'ArrowDown', 'ArrowDown');
    expect(await focusedRowFirstCell(page, 'Register')).toBe('100002');
    await key(page, '', 'End');
    expect(await focusedRowFirstCell(page, 'Register')).toBe('100006');
    await key(page, '', 'Home');
    expect(await focusedRowFirstCell(page, 'Register')).toBe('100001');
    await key(page, '', 'Enter');
    const holder = page.getByRole('heading', { name: 'JOHN Q PUBLIC MARY PUBLIC JT TEN', level: 2 });
    await holder.waitFor();
    const facts = await page.locator('.holder dl.facts').innerText();
    expect(facts).toContain('XXX-XX-6789 (SSN)');
    expect(facts).toContain('12 Elm Street');
    expect(await page.locator('.holder').innerText()).not.toContain('123456789');
    await page.getByRole('button', { name: 'Certificate RT-000001' }).waitFor();
    await page.getByRole('button', { name: 'Certificate RT-000002' }).waitFor();
    expect(await page.getByRole('article', { name: 'Certificate RT-000001' }).innerText()).toContain('Printed');
    await desk.shot('61-holder-page');
    await key(page, '', 'Escape');
    await expect.poll(() => focusedLabel(page)).toBe('Register, 7');
    expect(await holder.isVisible()).toBe(false);
    expect(await focusedRowFirstCell(page, 'Register')).toBe('100001');
  });

  it('moves through a long register by window', async () => {
    const { page } = desk;
    await key(page, '', 'Escape'); // back to the programs
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 2');
    await key(page, 'Acme', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe(`Register, ${LONG.toLocaleString('en-US')}`);
    await key(page, '', 'End');
    await expect.poll(() => focusedRowFirstCell(page, 'Register')).toBe(`AC${String(LONG - 1).padStart(6, '0')}`);
    await key(page, '', 'PageUp', 'Home');
    await expect.poll(() => focusedRowFirstCell(page, 'Register')).toBe('AC000000');
    await key(page, '', 'Escape');
  });

  it('finds holders four ways and a certificate by number through Ctrl+K', async () => {
    const { page } = desk;
    await findAndOpen(page, '100002', /CEDE & CO FAST ACCOUNT/);
    await page.getByRole('heading', { name: 'CEDE & CO FAST ACCOUNT', level: 2 }).waitFor();
    expect(await page.locator('.holder dl.facts').innerText()).toContain('XX-XXX2143 (EIN)');

    await page.keyboard.press('Control+k');
    await key(page, 'zoe ang');
    await page.getByRole('option', { name: /ZOË ÅNGSTRÖM/ }).waitFor();
    await desk.shot('62-find-holder');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'ZOË ÅNGSTRÖM', level: 2 }).waitFor();

    await findAndOpen(page, '2143', /CEDE & CO FAST ACCOUNT.*TIN last four/);
    await page.getByRole('heading', { name: 'CEDE & CO FAST ACCOUNT', level: 2 }).waitFor();

    await findAndOpen(page, '62704', /ZOË ÅNGSTRÖM.*Postal code/);
    await page.getByRole('heading', { name: 'ZOË ÅNGSTRÖM', level: 2 }).waitFor();

    await findAndOpen(page, 'rt6', /Certificate RT-000006/);
    await page.getByRole('heading', { name: 'Certificate RT-000006', level: 2 }).waitFor();
    const facts = await page.locator('.certificate dl.facts').innerText();
    expect(facts).toContain('Held by the agent, not mailed');
    expect(facts).toContain('HANS MÜLLER');
    expect(facts).toContain('XXX-XX-9999');
    expect(await page.locator('.certificate').innerText()).toContain('Exhibit D letter sent (§9)');
    await desk.shot('63-certificate-page');
  });

  it('shows the certificates of a program, what was issued, and the held-foreign list', async () => {
    const { page } = desk;
    await key(page, '', 'Escape'); // from the certificate to its program's certificates
    await page.getByRole('heading', { name: 'Certificates: XO Communications 2003 rights offering' }).waitFor();
    // Issued once: no Issue button any more, the counts instead, and printing.
    expect(await page.getByRole('button', { name: 'Issue certificates' }).count()).toBe(0);
    expect(await page.locator('.certificates .toolbar .muted').first().innerText()).toMatch(/^Issued .*: 7 certificates, class A/);
    expect(await page.getByRole('button', { name: 'Print certificates…' }).count()).toBe(1);
    for (let i = 0; i < 12 && !(await focusedLabel(page)).startsWith('Certificates, 7'); i++) await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe('Certificates, 7');
    await key(page, '', 'ArrowDown');
    expect(await focusedRowFirstCell(page, 'Certificates')).toBe('RT-000002');
    await desk.shot('64-certificates-list');
    for (let i = 0; i < 12 && (await focusedLabel(page)) !== 'Held for holders abroad (§9)'; i++) await key(page, '', 'Shift+Tab');
    await key(page, '', 'Enter');
    const held = page.getByRole('grid', { name: 'Held certificates, 2' });
    await held.waitFor();
    expect(await held.innerText()).toMatch(/RT-000006\s+HANS MÜLLER\s+DE/);
    expect(await held.locator('tbody tr').nth(1).innerText()).toMatch(/RT-000007\s+MARIE DUPONT\s+FR\s+40\s+Exhibit D with the prospectus\s+Not yet/);
    await desk.shot('65-held-foreign');
    for (let i = 0; i < 6 && !(await focusedLabel(page)).startsWith('Held certificates'); i++) await key(page, '', 'Tab');
    await key(page, '', 'ArrowDown', 'Enter');
    await page.getByRole('heading', { name: 'Certificate RT-000007', level: 2 }).waitFor();
    expect(desk.problems).toEqual([]);
  });
});
