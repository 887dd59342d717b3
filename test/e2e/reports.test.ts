import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { ElectionDraft } from '../../shared/ipc/intake-forms';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { cleanDraft } from '../../electron/desk/testing/intake-fixture';
import { writeRegister, XO_CUSIP } from '../../electron/desk/testing/xo-register-fixture';
import type { Bridge } from '../bridge/server';
import { ADMIN, CLERK, focusedLabel, key, launchChromium, must, openDeskPage, SCREENSHOTS, signInWithKeys, statusText, SUPERVISOR, type DeskPage } from './harness';
import { tabTo } from './program-desk';

const XO = { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' };
const PNG_DIR = path.join(SCREENSHOTS, '..', 'reports');

/** What the clerk keys: the form's numbers and the money order sent, on the day of its envelope's stamp. */
interface Keyed {
  readonly stamp: string;
  readonly account: string;
  readonly basic: number;
  readonly paid: number;
  readonly signed: boolean;
}
const MAIL: readonly Keyed[] = [
  { stamp: '2003-11-20T10:15', account: 'H-1003/A', basic: 100, paid: 100, signed: true },
  { stamp: '2003-11-20T10:15', account: 'H-1002/B', basic: 10, paid: 10, signed: false },
  { stamp: '2003-11-20T10:15', account: 'H-1003/A', basic: 50, paid: 20, signed: true }, // short: §4b exercises 20
  { stamp: '2003-11-21T09:00', account: 'H-1003/A', basic: 30, paid: 30, signed: true },
];

/** The clerk keys the mail through the desk's own channels (the intake screens' path). */
async function keyTheMail(bridge: Bridge, programId: number): Promise<void> {
  const numbers = new Map<string, string>();
  const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
  try {
    for (const c of await store.read((r) => r.certificates.list(programId, {}, 0, 100))) numbers.set(`${c.account}/${c.class}`, c.number);
  } finally {
    await store.close();
  }
  const envelopes = new Map<string, { batchId: number; envelopeId: number }>();
  for (const item of MAIL) {
    if (!envelopes.has(item.stamp)) {
      const batch = (await must(bridge, 'intake.openBatch', { programId, receiptDate: item.stamp.slice(0, 10) })) as { id: number };
      const envelope = (await must(bridge, 'intake.addEnvelope', { batchId: batch.id, stampedLocal: item.stamp, itemCount: 5 })) as { id: number };
      envelopes.set(item.stamp, { batchId: batch.id, envelopeId: envelope.id });
    }
    const draft: ElectionDraft = cleanDraft(envelopes.get(item.stamp)!, numbers.get(item.account)!, item.basic, {
      signed: item.signed, payments: [{ method: 'money-order', amount: `${item.paid * 5}.00`, payer: 'Holder', checkNumber: `7700${MAIL.indexOf(item)}` }],
    });
    await must(bridge, 'intake.saveElection', { draft, confirmed: true });
  }
}

/** The figures as a plain recount of what was keyed for the days given. */
function recount(days: readonly string[]) {
  const of = MAIL.filter((m) => days.includes(m.stamp.slice(0, 10)));
  const sum = (f: (m: Keyed) => number, rows = of) => rows.reduce((n, m) => n + f(m), 0);
  const defective = of.filter((m) => !m.signed || m.paid < m.basic);
  return { items: of.length, rightsExercised: sum((m) => m.basic), sharesSubscribed: sum((m) => m.basic), rightsPaid: sum((m) => Math.min(m.paid, m.basic)), goodFunds: sum((m) => m.paid * 5), defectiveItems: defective.length, defectiveRights: sum((m) => m.basic, defective) };
}

const grouped = (n: number) => n.toLocaleString('en-US');

describe('the §10 reports on screen and on paper, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      seed: async (bridge) => {
        const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
        await must(bridge, 'users.create', { ...CLERK, role: 'clerk' });
        await must(bridge, 'users.create', { ...SUPERVISOR, role: 'supervisor' });
        const program = (await must(bridge, 'programs.create', XO)) as { id: number };
        await must(bridge, 'terms.record', { programId: program.id, reason: 'Original terms', terms: XO_TERMS_JSON });
        const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
        try {
          await writeRegister(store, { programId: program.id, supervisor: admin });
        } finally {
          await store.close();
        }
        const issuing = (await must(bridge, 'certificates.issue', { programId: program.id })) as { jobId: number };
        expect(await bridge.desk.whenFinished(issuing.jobId)).toMatchObject({ state: 'done' });
        await must(bridge, 'session.signOut', {});
        await must(bridge, 'session.signIn', { username: CLERK.username, password: CLERK.password });
        await keyTheMail(bridge, program.id);
        await must(bridge, 'session.signOut', {});
        dir = path.dirname(bridge.bookPath);
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('shows the daily figures of the items keyed, for the day typed and cumulative', async () => {
    const { page } = desk;
    await signInWithKeys(page, SUPERVISOR);
    await expect.poll(() => focusedLabel(page)).not.toBe('');
    // Right after signing in the shell may not take the shortcut yet: pressed until the Reports area shows.
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+8');
        return page.getByRole('heading', { name: 'Reports', level: 2 }).count();
      })
      .toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: /^Reports — XO Communications/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Business day');
    await expect.poll(() => page.getByLabel('Business day', { exact: true }).inputValue()).toBe('12/08/2003'); // the last business day of the period
    await page.keyboard.press('Control+a');
    await key(page, '112203', 'Enter'); // a Saturday: refused beside the field, in words
    await page.getByText('Business day: 11/22/2003 falls on a weekend; type a business day, e.g. 11/24/2003').waitFor();
    await page.keyboard.press('Control+a');
    await key(page, '112003', 'Enter');
    await page.getByRole('table', { name: 'Section 10 figures for 11/20/2003' }).waitFor();
    const cell = async (figure: string, column: 1 | 2) => page.locator(`table.report-figures tr[data-figure="${figure}"] td`).nth(column - 1).innerText();
    const day = recount(['2003-11-20']);
    const through = recount(['2003-11-20']);
    for (const [figure, value] of [['items', day.items], ['rightsExercised', day.rightsExercised], ['sharesSubscribed', day.sharesSubscribed], ['rightsPaid', day.rightsPaid], ['defectiveItems', day.defectiveItems], ['defectiveRights', day.defectiveRights]] as const) {
      expect(await cell(figure, 1)).toBe(grouped(value));
      expect(await cell(figure, 2)).toBe(grouped(through[figure]));
    }
    expect(await cell('goodFunds', 1)).toBe(`$${grouped(day.goodFunds)}.00`);
    await page.getByText(/^Drawn at journal entry \d+ \(hash [0-9a-f]{16}…\)/).first().waitFor();
    await desk.shot('90-reports-daily');

    await page.keyboard.press('Control+a');
    await key(page, '112103', 'Enter');
    await page.getByRole('table', { name: 'Section 10 figures for 11/21/2003' }).waitFor();
    const both = recount(['2003-11-20', '2003-11-21']);
    expect(await cell('rightsExercised', 1)).toBe(grouped(recount(['2003-11-21']).rightsExercised));
    expect(await cell('rightsExercised', 2)).toBe(grouped(both.rightsExercised));
    expect(await cell('rightsPaid', 2)).toBe(grouped(both.rightsPaid));
  });

  it('prints the daily report to PDF through a job, with the journal entry it was drawn at', async () => {
    const { page } = desk;
    await tabTo(desk, 'Print PDF…');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/Printed 983764176-daily-report-2003-11-21\.pdf \(1 page\)\./);
    const pdf = path.join(dir, '983764176-daily-report-2003-11-21.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const both = recount(['2003-11-20', '2003-11-21']);
    expect(text).toContain('DAILY REPORT UNDER SECTION 10');
    expect(text).toMatch(new RegExp(`\\(a\\) Rights exercised\\s+${recount(['2003-11-21']).rightsExercised}\\s+${both.rightsExercised}`));
    expect(text).toMatch(/Drawn at journal entry \d+, hash [0-9a-f]{64}/);
    mkdirSync(PNG_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(PNG_DIR, 'e2e-daily-report')]);
    copyFileSync(pdf, path.join(PNG_DIR, 'e2e-daily-report.pdf'));
  });

  it('shows the final report past due, and the holder listing on the grid', async () => {
    const { page } = desk;
    await page.getByText('Due to the company at or before').waitFor();
    await page.getByText(/^Past due: §10 required the certified report by 12\/17\/2003 5:00 p\.m\./).waitFor();
    await page.getByRole('table', { name: 'Cumulative totals through the Expiration Time' }).waitFor();
    await page.getByText(`7 certificates: 0 fully, 2 partly, 5 not at all; ${grouped(recount(['2003-11-20', '2003-11-21']).rightsExercised)} of`).waitFor();
    await page.getByRole('grid', { name: /^Holders: exercised fully, partly or not at all/ }).waitFor();
    await tabTo(desk, 'Officer name');
    await key(page, '', 'Enter'); // nothing typed: the form names both fields
    await page.getByText('Officer name: type the certifying officer’s name, e.g. Jane Doe').waitFor();
    await desk.shot('91-reports-final-and-holders');
    expect(desk.problems).toEqual([]);
  });
});
