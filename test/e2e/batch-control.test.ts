import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { addEnvelope, keyElection, openBatch, type IntakeBook } from '../../electron/desk/testing/intake-rows-fixture';
import { writeRegister, XO_CUSIP } from '../../electron/desk/testing/xo-register-fixture';
import { ADMIN, focusedLabel, key, launchChromium, must, openDeskPage, SCREENSHOTS, signInWithKeys, statusText, type DeskPage } from './harness';
import { tabTo } from './program-desk';

const XO = { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' };
const PNG_DIR = path.join(SCREENSHOTS, '..', 'intake');

/**
 * The day's mail as the intake screens save it (one change per item, through the intake
 * repositories): a morning batch whose second envelope is short one item, and an expiration-day
 * batch of many kinds — full, no number, unsigned, uncleared and returned checks, a money order,
 * a wire for an oversubscription, a DTC instruction, and one stamped a minute after 5:00 p.m.
 */
async function keyTheMail(bookPath: string, book: Omit<IntakeBook, 'certificates'>): Promise<{ short: number; day: number; unsigned: number }> {
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'open' });
  try {
    const certificates = await store.read((r) => r.certificates.list(book.programId, {}, 0, 100));
    const b: IntakeBook = { ...book, certificates: new Map(certificates.map((c) => [c.number, c])) };
    const short = await openBatch(store, b, 'Morning mail', '2003-11-20');
    const s1 = { batchId: short, envelopeId: await addEnvelope(store, b, short, { seq: 1, itemCount: 1 }) };
    const s2 = { batchId: short, envelopeId: await addEnvelope(store, b, short, { seq: 2, itemCount: 2 }) };
    await keyElection(store, b, s1, { certificate: 'RT-000004', basicShares: 10, payments: [{ method: 'money-order', amount: '50.00' }] });
    await keyElection(store, b, s2, { certificate: 'RT-000004', basicShares: 20, payments: [{ method: 'money-order', amount: '100.00' }] });

    const day = await openBatch(store, b, 'Expiration day', '2003-12-08');
    const e1 = { batchId: day, envelopeId: await addEnvelope(store, b, day, { seq: 1, itemCount: 4, stampedLocal: '2003-12-08T09:15' }) };
    const e2 = { batchId: day, envelopeId: await addEnvelope(store, b, day, { seq: 2, itemCount: 2, stampedLocal: '2003-12-08T13:40', source: 'dtc' }) };
    const e3 = { batchId: day, envelopeId: await addEnvelope(store, b, day, { seq: 3, itemCount: 1, stampedLocal: '2003-12-08T17:01' }) };
    await keyElection(store, b, e1, { certificate: 'RT-000004', basicShares: 100, payments: [{ method: 'money-order', amount: '500.00' }] });
    await keyElection(store, b, e1, { certificate: 'RT-000004', basicShares: null, payments: [{ method: 'check', amount: '250.00', status: 'cleared', checkNumber: '3301' }] });
    const unsigned = await keyElection(store, b, e1, { certificate: 'RT-000002', basicShares: 200, facts: { signed: false }, payments: [{ method: 'check', amount: '1000.00', checkNumber: '2002', payer: 'Jürgen Müller' }] });
    await keyElection(store, b, e1, { certificate: 'RT-000002', basicShares: 10, oversubscriptionShares: 5, payments: [{ method: 'wire', amount: '75.00', status: 'cleared', reference: 'FED-77' }, { method: 'check', amount: '20.00', status: 'returned', checkNumber: '4404' }] });
    await keyElection(store, b, e2, { certificate: 'RT-000005', basicShares: 5, dtc: { voi: 'VOI-0001', participant: '0352', name: 'Broker One', rights: 5 }, payments: [{ method: 'dtc', amount: '25.00', status: 'cleared' }] });
    await keyElection(store, b, e2, { certificate: 'RT-000004', basicShares: 1, payments: [{ method: 'certified-check', amount: '5.00' }] });
    await keyElection(store, b, e3, { certificate: 'RT-000004', basicShares: 2, payments: [{ method: 'money-order', amount: '10.00' }] });
    return { short, day, unsigned };
  } finally {
    await store.close();
  }
}

describe('balancing, closing and printing a batch, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let dir: string;
  let batches: { short: number; day: number; unsigned: number };

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      seed: async (bridge) => {
        const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
        const program = (await must(bridge, 'programs.create', XO)) as { id: number };
        await must(bridge, 'terms.record', { programId: program.id, reason: 'Original terms', terms: XO_TERMS_JSON });
        const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
        try {
          await writeRegister(store, { programId: program.id, supervisor: admin });
        } finally {
          await store.close();
        }
        const issuing = (await must(bridge, 'certificates.issue', { programId: program.id })) as { jobId: number };
        expect(await bridge.desk.whenFinished(issuing.jobId)).toMatchObject({ state: 'done' }); // issuing is a job
        batches = await keyTheMail(bridge.bookPath, { programId: program.id, supervisor: admin });
        await must(bridge, 'session.signOut', {});
        dir = path.dirname(bridge.bookPath);
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('names what differs in a short batch and will not close it', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await page.keyboard.press('Control+4');
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor(); // not Setup's list of the same name
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await page.getByRole('grid', { name: /^Batches/ }).waitFor();
    await tabTo(desk, 'Batches, 2'); // past the form that opens a batch
    await key(page, '', 'ArrowDown', 'Enter'); // the older batch: the morning mail
    await page.getByRole('heading', { name: `Batch control: batch ${batches.short} — Morning mail, received 2003-11-20` }).waitFor();
    await page.getByText('Does not balance: Envelope 2: 2 items stated, 1 keyed (1 short).').waitFor();
    await tabTo(desk, 'Envelopes counted');
    await key(page, '2', 'Enter');
    await expect.poll(() => statusText(page)).toContain('does not balance, so it cannot be closed: Envelope 2: 2 items stated, 1 keyed (1 short)');
    await desk.shot('80-batch-short');
    await key(page, '', 'Alt+ArrowLeft'); // back to the mail log
    await page.getByRole('grid', { name: /^Batches/ }).waitFor();
    await tabTo(desk, 'Batches, 2');
    await key(page, '', 'Home');
  });

  it('balances the expiration-day batch, closes it, prints its report and one confirmation', async () => {
    const { page } = desk;
    await key(page, '', 'Enter'); // the newest batch first: expiration day
    await page.getByRole('heading', { name: `Batch control: batch ${batches.day} — Expiration day, received 2003-12-08` }).waitFor();
    await page.getByText('Balanced: every envelope’s keyed items equal its stated count.').waitFor();
    const amounts = await page.getByRole('table', { name: 'Amounts by payment method' }).innerText();
    expect(amounts).toMatch(/Check\s+3\s+\$1,270\.00/);
    expect(amounts).toMatch(/Total received\s+8\s+\$1,885\.00/);
    const deficiencies = await page.getByRole('table', { name: 'Deficiencies by code' }).innerText();
    for (const code of ['(LATE)', '(UNSIGNED)', '(NO_GOOD_FUNDS)', '(RETURNED_CHECK)', '(OVERSUB_WITHOUT_FULL_BASIC)']) expect(deficiencies).toContain(code);
    await tabTo(desk, 'Envelopes counted');
    await key(page, '4', 'Enter');
    await expect.poll(() => statusText(page)).toContain('Envelopes counted: 4 counted in the tray, 3 in the mail log (1 more in the tray)');
    await page.keyboard.press('Control+a');
    await key(page, '3', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(new RegExp(`Batch ${batches.day} closed: 7 items, \\$1,885\\.00 received`));
    await expect.poll(() => focusedLabel(page)).toBe('Print the control report…');
    await page.getByText(/^Closed .*: it takes no more items\.$/).waitFor();
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Done: Printed the batch control report, 1 page: batch-\d+-control-report\.pdf\.$/);
    await desk.shot('81-batch-closed');

    await tabTo(desk, 'Election');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // the third election of the batch: the unsigned form
    await tabTo(desk, 'Print its confirmation…');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(new RegExp(`^Done: Printed the confirmation of election ${batches.unsigned}, 1 page: election-${batches.unsigned}-confirmation\\.pdf\\.$`));

    mkdirSync(PNG_DIR, { recursive: true });
    const report = path.join(dir, `batch-${batches.day}-control-report.pdf`);
    const reportText = execFileSync('pdftotext', ['-layout', report, '-'], { encoding: 'utf8' });
    expect(reportText).toContain("Balanced: every envelope's keyed items equal its stated count (3 envelopes, 7 items).");
    expect(reportText).toMatch(/Total received\s+8\s+\$1,885\.00/);
    expect(reportText).toMatch(/Drawn at journal entry [\d,]+, hash [0-9a-f]{64}\./);
    const letter = path.join(dir, `election-${batches.unsigned}-confirmation.pdf`);
    const letterText = execFileSync('pdftotext', ['-layout', letter, '-'], { encoding: 'utf8' });
    for (const words of ['Jürgen Müller', 'Anna Müller JT TEN', 'Evanston, IL 60201-1234', 'Not signed (UNSIGNED)', 'No good funds (NO_GOOD_FUNDS)', '$1,000.00']) expect(letterText).toContain(words);
    for (const [pdf, name] of [[report, 'e2e-batch-report'], [letter, 'e2e-confirmation']] as const) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(PNG_DIR, name)]);
      copyFileSync(pdf, path.join(PNG_DIR, `${name}.pdf`));
    }
    expect(desk.problems).toEqual([]);
  });
});
