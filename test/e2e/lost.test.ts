import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { writeRegister } from '../../electron/desk/testing/xo-register-fixture';
import type { Bridge } from '../bridge/server';
import { ADMIN, CLERK, SCREENSHOTS, SUPERVISOR, focusedLabel, key, launchChromium, menuCommand, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';

const XO = { kind: 'rights-offering', name: 'XO Communications rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' };
/** 20 November 2003, 10:00 in New York: inside the XO subscription period (it expires on 8 December). */
const NOW = new Date('2003-11-20T15:00:00.000Z');

/** The XO program with its register and certificates issued, a clerk and a supervisor, the indemnity settings set. */
async function seed(bridge: Bridge): Promise<void> {
  const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
  await must(bridge, 'users.create', { ...SUPERVISOR, role: 'supervisor' });
  await must(bridge, 'users.create', { ...CLERK, role: 'clerk' });
  const program = (await must(bridge, 'programs.create', XO)) as { id: number };
  await must(bridge, 'terms.record', { programId: program.id, reason: 'Original terms', terms: XO_TERMS_JSON });
  const store = await openStore(bridge.bookPath, { now: () => NOW, mode: 'open' });
  try {
    await writeRegister(store, { programId: program.id, supervisor: admin });
  } finally {
    await store.close();
  }
  await bridge.desk.whenFinished(((await must(bridge, 'certificates.issue', { programId: program.id })) as { jobId: number }).jobId); // issuing is a job
  await must(bridge, 'lost.setSettings', { programId: program.id, bondRate: '0.02', minimumPremium: '25', valuePerRight: '1.255', processingFee: '15', reason: 'Surety quote for the XO offering' });
  await must(bridge, 'session.signOut', {});
}

async function tabTo(desk: DeskPage, label: string): Promise<void> {
  for (let i = 0; i < 60 && (await focusedLabel(desk.page)) !== label; i++) await desk.page.keyboard.press('Tab');
  expect(await focusedLabel(desk.page)).toBe(label);
}

async function openXoCases(desk: DeskPage): Promise<void> {
  const { page } = desk;
  await page.keyboard.press('Control+7');
  await page.getByRole('heading', { name: 'Lost certificates', level: 2 }).waitFor(); // not Setup's list of the same name
  await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
  await key(page, '', 'Enter');
  await page.getByRole('heading', { name: 'Lost certificates', level: 2 }).waitFor();
}

// A holder's "I lost my certificate", keyboard only: a clerk opens the case (the stop goes on),
// keys the bond; a supervisor approves it; the clerk issues and prints the replacement.
describe('a lost certificate replaced, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { seed, now: () => NOW });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('lets a clerk open a case from the certificate number and key its bond', async () => {
    const { page } = desk;
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await openXoCases(desk);
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    await key(page, 'rt-000004', 'Tab', 'Tab');
    await key(page, '111903', 'Tab');
    await key(page, 'Lost in a house move last week', 'Tab', 'Tab', 'Tab');
    await key(page, 'Nguyen Van An', 'Tab');
    await key(page, '6789', 'Tab');
    await key(page, '77 Bellaire Blvd, Houston TX 77036', 'Tab');
    await key(page, '999', 'Tab');
    expect(await focusedLabel(page)).toBe('Not endorsed or pledged');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Case 1 opened: RT-000004 is stopped\./);
    await page.getByRole('heading', { name: 'Case 1 — RT-000004 (lost)' }).waitFor();
    await page.getByText('No indemnity bond has been keyed').waitFor();
    const events = (await must(desk.bridge, 'certificates.detail', { certificateId: 4 })) as { events: { kind: string }[] };
    expect(events.events.map((e) => e.kind)).toEqual(['stopped']);

    await tabTo(desk, 'Payment received');
    await key(page, '40.07', 'Tab');
    await key(page, 'Hartford Casualty', 'Tab');
    await key(page, 'B-1', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Bond B-1 keyed: premium 25\.07 on a market value of 1253\.75/);
    await page.getByRole('cell', { name: 'Awaits a supervisor' }).waitFor();
    await desk.shot('80-lost-case-bond-keyed');
  });

  it('lets a supervisor approve the bond, and the clerk issue and print the replacement', async () => {
    const { page } = desk;
    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, SUPERVISOR);
    await page.getByRole('banner').getByText(SUPERVISOR.displayName).waitFor();
    await openXoCases(desk);
    await tabTo(desk, 'Cases, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Case 1 — RT-000004 (lost)' }).waitFor();
    await tabTo(desk, 'Approve bond B-1');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Bond B-1 approved\./);

    await menuCommand(page, 'session:signOut');
    await signInWithKeys(page, CLERK);
    await page.getByRole('banner').getByText(CLERK.displayName).waitFor();
    await openXoCases(desk);
    await tabTo(desk, 'Cases, 1');
    await key(page, '', 'Enter');
    await tabTo(desk, 'Issue the replacement');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Replacement RT-000008 issued; RT-000004 is cancelled\./);
    await tabTo(desk, 'Print the replacement and cover letter');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/Printed RT-000008-REPLACEMENT-RT-000004\.pdf and RT-000008-cover-letter\.pdf\./);
    await desk.shot('81-lost-case-replaced');

    const folder = path.dirname(desk.bridge.bookPath);
    expect(readdirSync(folder).filter((n) => n.endsWith('.pdf')).sort()).toEqual(['RT-000008-REPLACEMENT-RT-000004.pdf', 'RT-000008-cover-letter.pdf']);
    const face = execFileSync('pdftotext', [path.join(folder, 'RT-000008-REPLACEMENT-RT-000004.pdf'), '-'], { encoding: 'utf8' });
    expect(face).toContain('REPLACEMENT — replaces RT-000004');
    expect(face).toContain('Nguyễn Văn An');
    for (const name of ['RT-000008-REPLACEMENT-RT-000004', 'RT-000008-cover-letter']) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(folder, `${name}.pdf`), path.join(SCREENSHOTS, `82-${name}`)]);
    }
    const replacement = (await must(desk.bridge, 'certificates.detail', { certificateId: 8 })) as { certificate: { firmRights: number; class: string }; events: { kind: string }[] };
    expect(replacement.certificate).toMatchObject({ firmRights: 999, class: 'A' });
    expect(replacement.events.map((e) => e.kind)).toEqual(['replaces', 'printed']);
    expect(desk.problems).toEqual([]);
  });
});
