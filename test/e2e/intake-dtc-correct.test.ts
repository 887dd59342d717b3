import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/ipc/types';
import type { DtcInstructionView, KeyedDtcInstruction } from '../../shared/ipc/intake-more';
import { openStore } from '../../electron/desk/store/open-store';
import { openEnvelope, rightsIntakeBook } from '../../electron/desk/testing/intake-more-fixture';
import { seriousViolations } from './axe';
import { ADMIN, focusedLabel, key, launchChromium, must, openDeskPage, signInWithKeys, statusText, type DeskPage } from './harness';
import { DayKeys } from './intake-day-keys';
import { tabTo } from './program-desk';

// A DTC instruction keyed wrong is corrected from the list of instructions, keyboard only (§4a):
// the reason first, the instruction keyed again under its VOI number, the settlement as received.
describe('correcting a DTC instruction from its screen, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let programId = 0;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, {
      now: () => new Date('2003-12-08T15:00:00Z'),
      seed: async (bridge) => {
        const admin = (await must(bridge, 'session.createFirstAdmin', ADMIN)) as SessionUser;
        const store = await openStore(bridge.bookPath, { now: () => new Date(), mode: 'open' });
        try {
          const rights = await rightsIntakeBook(store, { supervisor: admin });
          programId = rights.programId;
          await openEnvelope(store, rights, '2003-12-01T10:15', 'dtc');
        } finally {
          await store.close();
        }
        await must(bridge, 'session.signOut', {});
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  const fill = async (...values: string[]) => {
    for (const v of values) await key(desk.page, v, 'Tab');
  };
  const list = () => desk.page.getByRole('table', { name: 'DTC instructions keyed' });
  const listed = async () => (await must(desk.bridge, 'dtc.list', { programId })) as DtcInstructionView[];

  it('keys an instruction with two certification lines, its basic shares mis-keyed (900 for 1,000)', async () => {
    const { page } = desk;
    await signInWithKeys(page, ADMIN);
    await expect.poll(() => focusedLabel(page)).toBe('Programs');
    await key(page, '', 'Control+4');
    await page.getByRole('heading', { name: 'Intake', level: 2 }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 1');
    await key(page, '', 'Enter');
    await tabTo(desk, 'DTC instructions, guaranteed deliveries, odd-lot orders…');
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    // The envelope by arrow keys, once the list of open envelopes is drawn (a key before then chose nothing).
    await new DayKeys(desk).choose(/ · envelope 1 · dtc · /);
    await key(page, '', 'Tab');
    await fill('RT-000008', '0012345', '0352', 'Example Securities LLC', '1000', '900', '200', '6000');
    await key(page, '', 'Tab', 'Space', 'Tab'); // settled stays Yes; Space: the certification was made
    await fill('BO-1', '600', '600', '150', 'BO-2', '400', '300', '50');
    await key(page, '', 'Control+Enter');
    // An oversubscription with the basic rights not exercised in full: the engine's deficiency.
    await expect.poll(() => statusText(page)).toContain('VOI 0012345 saved on RT-000008 — deficient: OVERSUB_WITHOUT_FULL_BASIC');
    await expect.poll(() => list().innerText()).toMatch(/0012345[\s\S]*1,000[\s\S]*900[\s\S]*Yes \(2 lines\)[\s\S]*OVERSUB_WITHOUT_FULL_BASIC/);
  });

  it('opens its correction from the list: the reason first, the instruction as keyed, the settlement shown as it stays', async () => {
    const { page } = desk;
    await tabTo(desk, 'Correct VOI 0012345…');
    await key(page, '', 'Enter');
    const [first] = await listed();
    await page.getByRole('heading', { name: `Correct instruction ${first!.electionId}: VOI 0012345` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    expect(await page.getByLabel('Basic shares', { exact: true }).inputValue()).toBe('900');
    expect(await page.getByLabel('Line 2 basic exercised').inputValue()).toBe('300');
    const settlement = page.getByRole('definition').filter({ hasText: '$6,000.00 — stays as received' });
    await settlement.waitFor();
    await page.getByText('Yes — collected, stays as received').waitFor();
    // The position's rights left do not count the instruction being corrected (it is reversed in the same change).
    await page.getByText('Cede & Co: 50,000 firm rights, 0 surrendered, 50,000 left — not counting the instruction being corrected').waitFor();
    await desk.shot('intake-dtc-correction');
    expect(await seriousViolations(page)).toEqual([]);

    // No reason: refused on the screen, the field named, nothing sent.
    await key(page, '', 'Control+Enter');
    await expect.poll(() => statusText(page)).toContain('Reason for the correction is required');
    await page.locator('.field.has-problem').filter({ hasText: 'Reason for the correction is required' }).waitFor();
    expect(await focusedLabel(page)).toBe('Reason for the correction');
    expect((await listed()).map((i) => i.electionId)).toEqual([first!.electionId]);
  });

  it('main refuses certification lines that no longer add up, in the form’s problem line; then the correction saves', async () => {
    const { page } = desk;
    await key(page, 'Basic shares were 1000, keyed as 900', 'Tab');
    expect(await focusedLabel(page)).toBe('Certificate number'); // the envelope is shown, not keyed
    await tabTo(desk, 'Basic shares');
    await key(page, '', 'Control+a');
    await key(page, '1000', 'Control+Enter');
    await page.getByRole('alert').filter({ hasText: 'Certification: its owners’ basic exercises add up to 900, the instruction’s basic shares are 1000' }).waitFor();
    await tabTo(desk, 'Line 2 basic exercised');
    await key(page, '', 'Control+a');
    await key(page, '400', 'Control+Enter');
    await expect.poll(() => statusText(page)).toMatch(/^Done: VOI 0012345 corrected: instruction \d+ reversed, keyed again as \d+ — no deficiencies\.$/);
    const [now] = await listed();
    expect(await statusText(page)).toContain(`instruction ${now!.electionId - 1} reversed, keyed again as ${now!.electionId}`);
    // Back to keying new instructions, the envelope first.
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    await page.getByRole('heading', { name: 'DTC instruction', exact: true }).waitFor();
    await expect.poll(() => list().innerText()).toMatch(/0012345[\s\S]*1,000[\s\S]*1,000[\s\S]*200[\s\S]*Yes \(2 lines\)[\s\S]*None/);
    expect(await list().locator('tbody tr').count()).toBe(1);
    expect(desk.problems).toEqual([]);
  });

  it('Esc abandons a correction: nothing keyed goes straight back, something keyed is asked about first', async () => {
    const { page } = desk;
    const [live] = await listed();
    await tabTo(desk, 'Correct VOI 0012345…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: `Correct instruction ${live!.electionId}: VOI 0012345` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    await key(page, '', 'Escape');
    await page.getByRole('heading', { name: 'DTC instruction', exact: true }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    await tabTo(desk, 'Correct VOI 0012345…');
    await key(page, '', 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    await key(page, 'Second thoughts', 'Escape');
    await page.getByText('Abandon what you keyed?').waitFor();
    await page.keyboard.press('y'); // Y: abandon
    await page.getByRole('heading', { name: 'DTC instruction', exact: true }).waitFor();
    expect((await listed()).map((i) => i.electionId)).toEqual([live!.electionId]);
    expect(desk.problems).toEqual([]);
  });

  it('leaves one reversal and one new instruction under the VOI in the book, the settlement applied to the new one', async () => {
    const [live] = await listed();
    const corrected = (await must(desk.bridge, 'dtc.keyed', { electionId: live!.electionId })) as KeyedDtcInstruction;
    expect(corrected).toMatchObject({ reversed: false, voiNumber: '0012345', basicShares: 1000, amount: '6000.00', settled: true });
    expect(corrected.lines.map((l) => [l.ownerReference, l.basicExercised, l.oversubscriptionRequested])).toEqual([['BO-1', 600, 150], ['BO-2', 400, 50]]);
    const store = await openStore(desk.bridge.bookPath, { now: () => new Date(), mode: 'open' });
    try {
      const book = await store.read(async (r) => {
        const elections = (await r.intake.where('elections', 'voiNumber', '0012345')).map((e) => ({ id: e.id, correctsId: e.correctsId, basic: e.basicShares }));
        const reversals = (await r.intake.where('election_reversals', 'electionId', elections[0]!.id)).map((x) => x.reason);
        const payments = await r.intake.where('payments', 'programId', programId);
        const allocations = (await r.intake.where('payment_allocations', 'paymentId', payments[0]!.id)).map((a) => [a.electionId, a.amount]);
        return { elections, reversals, payments: payments.map((p) => [p.method, p.amount, p.electionId]), allocations, appliedToNew: (await r.intake.paymentsOf(live!.electionId)).map((p) => p.applied), appliedToOld: await r.intake.paymentsOf(elections[0]!.id) };
      });
      const [original, replacement] = book.elections;
      expect(book.elections).toEqual([{ id: original!.id, correctsId: null, basic: 900 }, { id: live!.electionId, correctsId: original!.id, basic: 1000 }]);
      expect(book.reversals).toEqual(['Basic shares were 1000, keyed as 900']);
      expect(replacement!.id).toBe(live!.electionId);
      expect(book.payments).toEqual([['dtc', '6000.00', original!.id]]);
      expect(book.allocations).toEqual([[live!.electionId, '6000.00']]);
      expect(book.appliedToNew).toEqual(['6000.00']);
      expect(book.appliedToOld).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
