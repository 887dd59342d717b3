import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { recordTerms } from '../../electron/desk/services/terms';
import { openStore } from '../../electron/desk/store/open-store';
import { seedScreensBook } from '../../electron/desk/testing/register-fixture-screens';
import { ADMIN, CLERK, focusedLabel, key, launchChromium, menuCommand, openDeskPage, SCREENSHOTS, signInWithKeys, statusText, type DeskPage } from './harness';
import { tabTo } from './program-desk';

const PNG_DIR = path.join(SCREENSHOTS, '..', 'certificates');
const REASON = 'Original returned torn by the post office';

/** The sample register with the XO terms, issued as the desk issues it. */
async function prepareBook(bookPath: string): Promise<void> {
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'create' });
  try {
    const { programId } = await seedScreensBook(store, { admin: ADMIN, clerk: CLERK }, { issue: false });
    const ada = await store.read(async (r) => (await r.users.byUsername(ADMIN.username))!);
    const admin = { id: ada.id, username: ada.username, displayName: ada.displayName, role: ada.role };
    await recordTerms(store, admin, { programId, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
    await issueCertificates(store, { id: admin.id, username: admin.username }, programId);
  } finally {
    await store.close();
  }
}

/** Ctrl+K, the certificate's number, Enter: its page. */
async function openCertificate(desk: DeskPage, number: string): Promise<void> {
  const { page } = desk;
  await page.keyboard.press('Control+k');
  await key(page, number.replace('RT-', 'rt').replace(/^rt0+/, 'rt'));
  await page.getByRole('option', { name: new RegExp(`Certificate ${number}`) }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: `Certificate ${number}`, level: 2 }).waitFor();
}

// A supervisor reprints a certificate returned torn, keyboard only; a clerk is not offered it.
describe('reprinting one certificate as a DUPLICATE, keyboard only', () => {
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

  it('asks for the reason, prints the DUPLICATE where main chose, and shows it on the history', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await page.getByRole('banner').getByText(ADMIN.displayName).waitFor();
    await openCertificate(desk, 'RT-000002');
    await page.getByText('Nothing recorded since issue.').waitFor();
    await tabTo(desk, 'Reprint (DUPLICATE)…');
    await key(page, '', 'Enter');
    const dialog = page.getByRole('dialog', { name: 'Reprint RT-000002 as a DUPLICATE' });
    await dialog.waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the reprint');

    // Saved with no reason: refused beside the field, naming it; nothing printed.
    await key(page, '', 'Control+Enter');
    await dialog.getByText('Reason for the reprint is required').waitFor();
    expect(await focusedLabel(page)).toBe('Reason for the reprint');
    await desk.shot('80-reprint-reason-required');

    await key(page, REASON, 'Enter');
    const file = path.join(path.dirname(desk.bridge.bookPath), 'RT-000002-DUPLICATE.pdf');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toBe(`Done: Reprinted RT-000002 as a DUPLICATE: written to ${file}.`);
    expect(await dialog.count()).toBe(0);
    await page.getByText(`DUPLICATE of RT-000002 written to ${file}`).waitFor();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByRole('cell', { name: 'Reprinted (DUPLICATE)' }).waitFor();
    const row = await history.locator('tbody tr').first().innerText();
    expect(row).toContain(ADMIN.username);
    expect(row).toContain(`reason: ${REASON}`);
    expect(row).toContain('fileName: RT-000002-DUPLICATE.pdf');
    expect(await focusedLabel(page)).toBe('Reprint (DUPLICATE)…'); // the focus is back where it was
    await desk.shot('81-reprinted-history');

    // The duplicate itself, turned into an image kept with the e2e output to be looked at.
    expect(existsSync(file)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/DUPLICATE — reprinted \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('RT-000002');
    mkdirSync(PNG_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(PNG_DIR, 'duplicate-RT-000002')]);
    copyFileSync(file, path.join(PNG_DIR, 'RT-000002-DUPLICATE.pdf'));
    expect(existsSync(path.join(PNG_DIR, 'duplicate-RT-000002-1.png'))).toBe(true);
  });

  it('Esc abandons the reprint: nothing printed, nothing recorded', async () => {
    const { page } = desk;
    await openCertificate(desk, 'RT-000003');
    await tabTo(desk, 'Reprint (DUPLICATE)…');
    await key(page, '', 'Enter');
    const dialog = page.getByRole('dialog', { name: 'Reprint RT-000003 as a DUPLICATE' });
    await dialog.waitFor();
    await key(page, '', 'Escape');
    expect(await dialog.count()).toBe(0);
    expect(await focusedLabel(page)).toBe('Reprint (DUPLICATE)…');
    await page.getByText('Nothing recorded since issue.').waitFor();
    expect(existsSync(path.join(path.dirname(desk.bridge.bookPath), 'RT-000003-DUPLICATE.pdf'))).toBe(false);
  });

  it('is not offered to a clerk', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await openCertificate(desk, 'RT-000002');
    await page.getByRole('cell', { name: 'Reprinted (DUPLICATE)' }).waitFor(); // the clerk sees what happened
    await page.getByRole('button', { name: 'Open the holder' }).waitFor();
    expect(await page.getByRole('button', { name: /Reprint/ }).count()).toBe(0);
    expect(desk.problems).toEqual([]);
  });
});
