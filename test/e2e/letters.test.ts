import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { addEnvelope, keyElection, openBatch, XO_REGISTER_WITH_TIN } from '../../electron/desk/testing/intake-rows-fixture';
import { writeRegister, XO_CUSIP } from '../../electron/desk/testing/xo-register-fixture';
import { ADMIN, CLERK, focusedLabel, key, launchChromium, must, openDeskPage, SCREENSHOTS, signInWithKeys, statusText, type DeskPage } from './harness';
import { tabTo } from './program-desk';

const XO = { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' };
const PNG_DIR = path.join(SCREENSHOTS, '..', 'letters');
/** Two days after the mail came, before the XO expiration. */
const NOW = new Date('2003-12-03T15:00:00.000Z');

/** An unsigned form for the Müllers, keyed by the clerk's screens' repositories, and a supervisor's cure allowed for it by December 5. */
async function unsignedWithCure(bookPath: string, programId: number, supervisor: SessionUser): Promise<number> {
  const store = await openStore(bookPath, { now: () => NOW, mode: 'open' });
  try {
    const certificates = await store.read((r) => r.certificates.list(programId, {}, 0, 100));
    const book = { programId, supervisor, certificates: new Map(certificates.map((c) => [c.number, c])) };
    const batchId = await openBatch(store, book, 'Morning mail', '2003-12-01');
    const envelopeId = await addEnvelope(store, book, batchId, { seq: 1, itemCount: 1, stampedLocal: '2003-12-01T10:15' });
    const electionId = await keyElection(store, book, { batchId, envelopeId }, { certificate: 'RT-000002', basicShares: 200, facts: { signed: false }, payments: [{ method: 'money-order', amount: '1000.00' }] });
    await store.change({ id: supervisor.id, username: supervisor.username }, 'test.decided', async (tx, at) => {
      await tx.supervision.insert('decisions', { programId, electionId, oddLotOrderId: null, kind: 'allow-cure', codes: ['UNSIGNED'], cureBy: '2003-12-05', reason: 'Holder may sign and return the form', decidedAt: at, decidedBy: supervisor.id });
      return { payload: { electionId }, result: null };
    });
    return electionId;
  } finally {
    await store.close();
  }
}

describe('letters to holders, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let dir: string;
  let electionId: number;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      now: () => NOW,
      seed: async (bridge) => {
        const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
        await must(bridge, 'users.create', { ...CLERK, role: 'clerk' });
        const program = (await must(bridge, 'programs.create', XO)) as { id: number };
        await must(bridge, 'terms.record', { programId: program.id, reason: 'Original terms', terms: XO_TERMS_JSON });
        const store = await openStore(bridge.bookPath, { now: () => NOW, mode: 'open' });
        try {
          await writeRegister(store, { programId: program.id, supervisor: admin }, XO_REGISTER_WITH_TIN);
        } finally {
          await store.close();
        }
        const issuing = (await must(bridge, 'certificates.issue', { programId: program.id })) as { jobId: number };
        expect(await bridge.desk.whenFinished(issuing.jobId)).toMatchObject({ state: 'done' });
        electionId = await unsignedWithCure(bridge.bookPath, program.id, admin);
        await must(bridge, 'session.signOut', {});
        dir = path.dirname(bridge.bookPath);
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('a clerk prints an item’s cure letter and the foreign-holder letters due, and sees them listed', async () => {
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await expect.poll(() => focusedLabel(page)).toMatch(/^Programs/);
    await expect.poll(async () => {
      await page.keyboard.press('Control+4');
      return page.getByRole('heading', { name: 'Intake', level: 2 }).isVisible();
    }).toBe(true);
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: /^Mail log/ }).waitFor();
    await tabTo(desk, 'Letters to holders…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Letters · XO Communications 2003 rights offering' }).waitFor();
    await page.getByRole('button', { name: 'Print the foreign-holder letters due (2)…' }).waitFor();

    await tabTo(desk, 'Number');
    await key(page, String(electionId), 'Tab'); // to the kind of letter
    expect(await focusedLabel(page)).toBe('Letter');
    await key(page, '', 'ArrowDown'); // deficiency → cure
    await tabTo(desk, 'Print the cure letter…');
    await key(page, '', 'Enter');
    const file = `election-${electionId}-cure-letter.pdf`;
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain(`Printed the cure letter for election ${electionId}: 1 letter`);
    expect(await statusText(page)).toContain(file);
    await page.getByRole('grid', { name: /^Letters printed/ }).getByText(`Election ${electionId}`).waitFor();
    await desk.shot('90-letters-one-printed');

    await tabTo(desk, 'Print the foreign-holder letters due (2)…', true);
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/Printed the foreign-holder letters due: 2 letters, 2 pages, in 983764176-foreign-holder-letters-2003-12-03-1000\.pdf\./);
    await page.getByRole('button', { name: 'Print the foreign-holder letters due (0)…' }).waitFor();
    await page.getByRole('grid', { name: /^Letters printed/ }).getByText('Certificate RT-000007').waitFor();
    await desk.shot('91-letters-bulk-printed');

    const text = execFileSync('pdftotext', [path.join(dir, file), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const words of ['Jürgen Müller', 'Anna Müller JT TEN', 'Evanston, IL 60201-1234', 'TIN XXX-XX-6789', 'The election form is not signed', 'Reference UNSIGNED', 'on or before December 5, 2003']) expect(flat).toContain(words);
    expect(text).not.toMatch(/\b\d{3}-\d{2}-\d{4}\b/);
    mkdirSync(PNG_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(dir, file), path.join(PNG_DIR, 'e2e-cure-letter')]);
    expect(desk.problems).toEqual([]);
  });
});
