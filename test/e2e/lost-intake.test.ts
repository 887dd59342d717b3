import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import type { SessionUser } from '../../shared/ipc/types';
import { openStore } from '../../electron/desk/store/open-store';
import { writeRegister } from '../../electron/desk/testing/xo-register-fixture';
import type { Bridge } from '../bridge/server';
import { ADMIN, CLERK, SUPERVISOR, focusedLabel, key, launchChromium, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';
import { tabTo } from './program-desk';

const XO = { kind: 'rights-offering', name: 'XO Communications rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' };
/** 20 November 2003, 10:00 in New York: inside the XO subscription period (it expires on 8 December). */
const NOW = new Date('2003-11-20T15:00:00.000Z');
const STOPPED_WORDS = 'Certificate stopped — deficiency CERTIFICATE_STOPPED';
const STEP_MS = 300_000;

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

// A lost certificate met in the mail, keyboard only: the clerk opens the case (the stop goes on),
// then an election form arrives on the stopped certificate — the Intake form says CERTIFICATE_STOPPED
// in words before it is saved and after; a supervisor (not the clerk who keyed the bond) approves
// the bond; the clerk issues and prints the replacement, and an election on it is clean.
describe('an election on a lost (stopped) certificate, then on its replacement, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { seed, now: () => NOW });
    page = desk.page;
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  /** Ctrl+digit, pressed until the area's own heading shows (right after sign-in the shell may not take it yet). */
  const openArea = async (digit: string, heading: string) => {
    await expect
      .poll(async () => {
        await page.keyboard.press(`Control+${digit}`);
        return page.getByRole('heading', { name: heading, level: 2 }).count();
      })
      .toBeGreaterThan(0);
  };
  const signInAs = async (who: typeof CLERK) => {
    await signInWithKeys(page, who);
    await page.getByRole('banner').getByText(who.displayName).waitFor();
  };
  /** The header's Sign out, reached with Shift+Tab. */
  const signOut = async () => {
    await tabTo(desk, 'Sign out', true);
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  };
  const openCase = async () => {
    await openArea('7', 'Lost certificates');
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await tabTo(desk, 'Cases, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: 'Case 1 — RT-000004 (lost)' }).waitFor();
  };
  /** Keys RT-… with 100 basic shares and a certified check for $500; waits for the verdict before saving. */
  const keyElection = async (number: string, check: string, beforeSaving: () => Promise<void>) => {
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    await key(page, number, 'Enter');
    await page.getByRole('region', { name: `Certificate ${number}` }).waitFor();
    await key(page, '100', 'Enter');
    await key(page, '', 'Shift+Tab');
    expect(await focusedLabel(page)).toBe('Method');
    await key(page, 'ce', 'Tab');
    await key(page, '500', 'Enter');
    expect(await focusedLabel(page)).toBe('Check number');
    await key(page, check);
    await beforeSaving();
    await key(page, '', 'Enter');
  };

  it('opens a case on RT-000004: the certificate is stopped', async () => {
    await signInAs(CLERK);
    await openArea('7', 'Lost certificates');
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
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
    await tabTo(desk, 'Payment received');
    await key(page, '40.07', 'Tab');
    await key(page, 'Hartford Casualty', 'Tab');
    await key(page, 'B-1', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Bond B-1 keyed: premium 25\.07/);
  }, STEP_MS);

  it('shows CERTIFICATE_STOPPED in words on the Intake form before the election on RT-000004 is saved, and after', async () => {
    await openArea('4', 'Intake');
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Receipt date');
    await key(page, '112003', 'Enter', 'Enter');
    await page.getByRole('heading', { name: /^Batch Mail 11\/20\/2003 #1 — received 11\/20\/2003$/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
    await key(page, '0930', 'Enter', 'Control+a');
    await key(page, '2', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Envelope 1 stamped 9:30 a\.m\. on 11\/20\/2003: key its 2 items/);

    await keyElection('RT-000004', '4401', async () => {
      const facts = page.getByRole('region', { name: 'Certificate RT-000004' });
      expect(await facts.innerText()).toContain('Stopped: reported lost, stolen or destroyed (§2c).');
      const verdict = page.getByRole('region', { name: 'As keyed so far' });
      await expect.poll(() => verdict.innerText()).toContain('Deficiencies: Certificate stopped — CERTIFICATE_STOPPED.');
      await page.getByText(STOPPED_WORDS).first().waitFor(); // beside the certificate number, before saving
      await desk.shot('lost-intake-stopped-before-save');
    });
    await expect.poll(() => statusText(page)).toMatch(/^Done: Saved item (\d+): RT-000004 — deficiencies CERTIFICATE_STOPPED\.$/);
    const saved = page.getByRole('region', { name: /^Last saved: item \d+, RT-000004$/ });
    await expect.poll(() => saved.innerText()).toContain('Certificate stopped — CERTIFICATE_STOPPED');
    const items = page.getByRole('grid', { name: 'Items keyed, 1' });
    await expect.poll(() => items.innerText()).toMatch(/RT-000004[\s\S]*CERTIFICATE_STOPPED/);
    await desk.shot('lost-intake-stopped-after-save');
  }, STEP_MS);

  it('lets a supervisor (not the clerk who keyed it) approve the bond; the clerk issues and prints the replacement', async () => {
    await signOut();
    await signInAs(SUPERVISOR);
    await openCase();
    await tabTo(desk, 'Approve bond B-1');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Bond B-1 approved\./);
    await signOut();

    await signInAs(CLERK);
    await openCase();
    await tabTo(desk, 'Issue the replacement');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page)).toMatch(/Replacement RT-000008 issued; RT-000004 is cancelled\./);
    await tabTo(desk, 'Print the replacement and cover letter');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/Printed RT-000008-REPLACEMENT-RT-000004\.pdf and RT-000008-cover-letter\.pdf\./);
    const face = execFileSync('pdftotext', [path.join(path.dirname(desk.bridge.bookPath), 'RT-000008-REPLACEMENT-RT-000004.pdf'), '-'], { encoding: 'utf8' });
    expect(face).toContain('REPLACEMENT — replaces RT-000004');
  }, STEP_MS);

  it('keys an election on the replacement RT-000008: clean; the one on the stopped certificate stays deficient', async () => {
    await openArea('4', 'Intake'); // signed in again: from the programs
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await tabTo(desk, 'Batches, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: /^Batch Mail 11\/20\/2003 #1/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
    await tabTo(desk, 'Certificate number');
    await keyElection('RT-000008', '4402', async () => {
      await expect.poll(() => page.getByRole('region', { name: 'As keyed so far' }).innerText()).toContain('No deficiencies.');
      expect(await page.getByText(STOPPED_WORDS).count()).toBe(0);
    });
    await expect.poll(() => statusText(page)).toMatch(/^Done: Saved item \d+: RT-000008 — no deficiencies\.$/);
    const items = page.getByRole('grid', { name: 'Items keyed, 2' });
    await expect.poll(() => items.innerText()).toMatch(/RT-000008[\s\S]*none/);
    expect(await items.innerText()).toMatch(/RT-000004[\s\S]*CERTIFICATE_STOPPED/);
    await page.getByText('Balanced: every envelope’s keyed items equal its stated count.').waitFor();
    await desk.shot('lost-intake-replacement-keyed');
    expect(desk.problems).toEqual([]);
  }, STEP_MS);
});
