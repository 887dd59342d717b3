import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK, focusedLabel, key, launchChromium, openDeskPage, SCREENSHOTS, signInWithKeys, statusText, type DeskPage } from './harness';
import { DayKeys } from './intake-day-keys';
import { bankFile, CEDE, dayFigures, DAY_NOW, ENVELOPES, holderOf, ITEMS, METHOD_WORDS, ODD_LOTS, prepareDayBook, XO_NAME } from './intake-day-mail';
import { tabTo } from './program-desk';

const OUT = path.join(SCREENSHOTS, '..', 'intake-day');
/** Each step keys many screens' worth; on a loaded 2-core machine that takes minutes, never a reason to fail. */
const STEP_MS = 300_000;
const BATCH_HEADING = /^Batch Mail 12\/08\/2003 #1 — received 12\/08\/2003/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&');

// One clerk's whole day, keyboard only: the XO offering's expiration-day mail keyed into one batch
// (clean forms scanned, forms with deficiencies, a correction, warnings confirmed, a nominee's DTC
// instructions, a letter a minute late), the bank file of the next morning read, the batch balanced
// against figures worked out from what was keyed, closed and its report printed; then odd-lot orders
// taken by phone and from a broker for the odd-lot program.
describe('a clerk’s day of mail, keyboard only', () => {
  let browser: Browser;
  let desk: DeskPage;
  let page: Page;
  let keys: DayKeys;

  beforeAll(async () => {
    browser = await launchChromium();
    desk = await openDeskPage(browser, { now: () => DAY_NOW, prepareBook: prepareDayBook });
    page = desk.page;
    keys = new DayKeys(desk);
    desk.bridge.setOpenPath(path.join(path.dirname(desk.bridge.bookPath), 'clearance-20031209.csv'));
    writeFileSync(path.join(path.dirname(desk.bridge.bookPath), 'clearance-20031209.csv'), bankFile());
  });
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
  });

  it('signs in as the clerk, opens the expiration day’s batch and keys the first envelope’s ten forms', async () => {
    await signInWithKeys(page, CLERK);
    await expect.poll(() => focusedLabel(page)).not.toBe('');
    // Right after sign-in the shell may not take the shortcut yet: pressed until the Intake area shows.
    await expect
      .poll(async () => {
        await page.keyboard.press('Control+4');
        return page.getByRole('heading', { name: 'Intake', level: 2 }).count();
      })
      .toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 2');
    await key(page, '', 'Enter'); // newest record date first: the XO offering
    await page.getByRole('heading', { name: `Mail log: ${XO_NAME}` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Receipt date');
    await desk.shot('intake-day-mail-log');
    await key(page, '120803', 'Enter', 'Enter');
    await page.getByRole('heading', { name: BATCH_HEADING }).waitFor();
    await keys.stamp(ENVELOPES[0]!);
    for (let i = 0; i < ITEMS.length; i++) if (ITEMS[i]!.envelope === 1) await keys.keyForm(i);
    await desk.shot('intake-day-envelope-1');
  }, STEP_MS);

  it('stamps the afternoon envelope: an uncleared check, a check number and a certificate keyed twice (warned, confirmed), a correction', async () => {
    await key(page, '', 'Escape'); // the form is empty: back to the envelope
    await keys.stamp(ENVELOPES[1]!);
    for (let i = 0; i < ITEMS.length; i++) if (ITEMS[i]!.envelope === 2) await keys.keyForm(i);

    const short = ITEMS.findIndex((i) => i.correctedTo);
    const corrected = ITEMS[short]!;
    for (let i = 0; i < 80 && !(await focusedLabel(page)).startsWith('Items keyed'); i++) await key(page, '', 'Tab');
    expect(await focusedLabel(page)).toBe(`Items keyed, ${keys.ids.size}`);
    await key(page, '', 'Home', ...Array<string>(short).fill('ArrowDown'), 'Enter');
    await page.getByRole('heading', { name: `Correct item ${keys.ids.get(short)}: ${corrected.certificate}` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Reason for the correction');
    await key(page, corrected.correctedTo!.reason, 'Tab');
    expect(await focusedLabel(page)).toBe('Basic shares');
    await key(page, '', 'Control+a');
    await key(page, String(corrected.correctedTo!.basic), 'Control+Enter');
    await expect.poll(() => statusText(page)).toMatch(new RegExp(`^Done: Item ${keys.ids.get(short)} corrected: reversed, and keyed again as item \\d+ — no deficiencies\\.$`));
    await desk.shot('intake-day-corrected');
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
  }, STEP_MS);

  it('keys the nominee’s DTC instructions, one with its Nominee Holder Certification and one without', async () => {
    await key(page, '', 'Escape');
    await keys.stamp(ENVELOPES[2]!);
    await key(page, '', 'Escape'); // the election form, empty: to the envelope
    await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
    await key(page, '', 'Escape'); // the envelope, empty: to the mail log
    await page.getByRole('heading', { name: `Mail log: ${XO_NAME}` }).waitFor();
    await tabTo(desk, 'DTC instructions, guaranteed deliveries, odd-lot orders…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: `Intake · ${XO_NAME}` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Envelope');
    await keys.choose(/ · envelope 3 · dtc · stamped 12\/08\/2003 14:00$/); // the DTC delivery
    const dtc = ITEMS.filter((i) => i.kind === 'dtc');
    const fill = async (...values: string[]) => {
      for (const v of values) await key(page, v, 'Tab');
    };
    for (const [n, item] of dtc.entries()) {
      if (n > 0) await expect.poll(() => focusedLabel(page)).toBe('Envelope'); // it carries over
      await key(page, '', 'Tab');
      await fill(CEDE, `00123${n + 4}`, '0352', 'Example Securities LLC', String(item.surrendered), String(item.basic), String(item.over), item.payments[0]!.amount.replace(/\.00$/, ''));
      expect(await focusedLabel(page)).toBe('Settled through DTC');
      if (item.certified) {
        await key(page, '', 'Tab', 'Space', 'Tab'); // settled stays Yes; Space: the certification was made
        await fill('BO-1', '600', '600', '150', 'BO-2', '400', '400', '50');
        await page.getByText('No deficiencies.').waitFor();
      } else {
        await page.getByText('Nominee Holder Certification missing — deficiency NOMINEE_CERTIFICATION_MISSING').first().waitFor();
      }
      await desk.shot(`intake-day-dtc-${n + 1}`);
      await key(page, '', 'Control+Enter');
      const verdict = item.codes.length === 0 ? 'no deficiencies' : `deficient: ${item.codes.join(', ')}`;
      await expect.poll(() => statusText(page)).toContain(`VOI 00123${n + 4} saved on ${CEDE} — ${verdict}`);
    }
  }, STEP_MS);

  it('stamps the envelope of 5:01 p.m. (late) and is refused closing the batch while it is one item short', async () => {
    await key(page, '', 'Alt+ArrowLeft'); // back to the mail log
    await page.getByRole('heading', { name: `Mail log: ${XO_NAME}` }).waitFor();
    await tabTo(desk, 'Batches, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: BATCH_HEADING }).waitFor();
    await keys.stamp(ENVELOPES[3]!);
    const late = ITEMS.map((item, i) => ({ item, i })).filter(({ item }) => item.envelope === 4);
    await keys.keyForm(late[0]!.i);

    await tabTo(desk, 'Envelopes counted');
    await key(page, String(ENVELOPES.length), 'Enter');
    await expect.poll(() => statusText(page)).toContain('does not balance, so it cannot be closed: Envelope 4: 2 items stated, 1 keyed (1 short)');
    await page.getByText('Does not balance: Envelope 4: 2 items stated, 1 keyed (1 short).').waitFor();
    await page.getByRole('heading', { name: BATCH_HEADING }).waitFor(); // still open
    await desk.shot('intake-day-unbalanced');

    await tabTo(desk, 'Certificate number', true);
    await keys.keyForm(late[1]!.i);
    await page.getByText('Balanced: every envelope’s keyed items equal its stated count.').waitFor();
  }, STEP_MS);

  it('reads the next morning’s bank file: two checks and a wire matched, one line unmatched', async () => {
    await key(page, '', 'Control+5');
    await page.getByRole('heading', { name: 'Payments', exact: true }).first().waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 2');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: `Payments: ${XO_NAME}` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Check number');
    await tabTo(desk, 'Read a bank file', true);
    await key(page, '', 'Enter');
    await tabTo(desk, 'Read a bank file…');
    await key(page, '', 'Enter');
    const bank = ITEMS.flatMap((i) => i.payments.filter((p) => p.bank));
    const cleared = bank.filter((p) => p.bank === 'cleared').length;
    const returned = bank.filter((p) => p.bank === 'returned').length;
    await expect.poll(() => statusText(page)).toBe(`Done: clearance-20031209.csv: ${cleared} cleared, ${returned} returned, 1 unmatched.`);
    const unmatched = page.getByRole('grid', { name: /^Unmatched lines, 1$/ });
    await unmatched.waitFor();
    expect(await unmatched.innerText()).toMatch(/1099[\s\S]*no payment with check number 1099 in this program — NO_SUCH_CHECK/);
    await desk.shot('intake-day-bank-file');
  }, STEP_MS);

  it('shows the batch control figures exactly as worked out from what was keyed, closes the batch and prints its report', async () => {
    await key(page, '', 'Control+4'); // back where the clerk was: the batch
    await page.getByRole('heading', { name: BATCH_HEADING }).waitFor();
    const f = dayFigures();
    const table = (name: string) => page.getByRole('table', { name, exact: true }).innerText();
    const envelopes = await table('Envelopes');
    for (const e of ENVELOPES) {
      expect(envelopes).toMatch(new RegExp(`${e.seq}\\s+${e.source === 'dtc' ? 'DTC' : 'Mail'}\\s+12/08/2003 ${escape(e.wall)}\\s+${e.stated}\\s+${f.keyedByEnvelope.get(e.seq)}\\s+balanced`));
    }
    const items = await table('Items keyed');
    for (const [label, n] of [['Election forms', f.forms], ['DTC instructions', f.dtc], ['Odd-lot orders', 0], ['Items keyed', f.items], ['Items stated on the envelopes', f.items], ['Corrections \\(not counted again\\)', f.corrections]] as const) {
      expect(items).toMatch(new RegExp(`${label}\\s+${n}(\\n|$)`));
    }
    const shares = await table('Shares');
    const w = (n: number) => n.toLocaleString('en-US');
    expect(shares).toMatch(new RegExp(`Basic shares written\\s+${w(f.basicWritten)}\\s`));
    expect(shares).toMatch(new RegExp(`Forms with no number written\\s+${f.noNumber}\\s`));
    expect(shares).toMatch(new RegExp(`Basic shares exercised \\(after §4b\\)\\s+${w(f.basicDeemed)}\\s`));
    expect(shares).toMatch(new RegExp(`Oversubscription shares written / paid for\\s+${w(f.overWritten)} / ${w(f.overPaid)}\\s`));
    expect(shares).toMatch(new RegExp(`Rights surrendered through DTC\\s+${w(f.surrendered)}\\s`));
    const amounts = await table('Amounts by payment method');
    for (const m of f.methods) expect(amounts).toMatch(new RegExp(`${METHOD_WORDS[m.method]}\\s+${m.payments}\\s+${escape(m.amount)}`));
    expect(amounts).toMatch(new RegExp(`Total received\\s+${f.total.payments}\\s+${escape(f.total.amount)}`));
    const deficiencies = await table('Deficiencies by code');
    for (const [code, n] of f.deficiencies) expect(deficiencies).toMatch(new RegExp(`\\(${code}\\)\\s+${n}`));
    expect(deficiencies.match(/\([A-Z_]+\)/g)?.length).toBe(f.deficiencies.size);
    await desk.shot('intake-day-balanced');

    await tabTo(desk, 'Envelopes counted');
    await key(page, '', 'Control+a');
    await key(page, String(ENVELOPES.length), 'Enter');
    await expect.poll(() => statusText(page)).toMatch(new RegExp(`^Done: Batch \\d+ closed: ${f.items} items, ${escape(f.total.amount)} received\\.$`));
    await expect.poll(() => focusedLabel(page)).toBe('Print the control report…');
    await page.getByText(/^Closed .*: it takes no more items\.$/).waitFor();
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Done: Printed the batch control report, \d+ pages?: batch-\d+-control-report\.pdf\.$/);
    await desk.shot('intake-day-closed');

    const file = /(batch-\d+-control-report\.pdf)/.exec(await statusText(page))![1]!;
    const pdf = path.join(path.dirname(desk.bridge.bookPath), file);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Balanced: every envelope's keyed items equal its stated count (${ENVELOPES.length} envelopes, ${f.items} items).`);
    for (const m of f.methods) expect(text).toMatch(new RegExp(`${METHOD_WORDS[m.method]}\\s+${m.payments}\\s+${escape(m.amount)}`));
    expect(text).toMatch(new RegExp(`Total received\\s+${f.total.payments}\\s+${escape(f.total.amount)}`));
    for (const [code, n] of f.deficiencies) expect(text).toMatch(new RegExp(`^${code}\\s+\\S.*\\s${n}$`, 'm'));
    expect(text).toMatch(new RegExp(`Elections with any deficiency\\s+${f.withDeficiencies}$`, 'm'));
    for (const [label, n] of [['Basic shares written', f.basicWritten], ['Basic shares exercised \\(after §4b\\)', f.basicDeemed], ['Oversubscription shares written', f.overWritten], ['Oversubscription shares paid for', f.overPaid], ['Rights surrendered through DTC', f.surrendered], ['Items keyed', f.items]] as const) {
      expect(text).toMatch(new RegExp(`${label}\\s+${w(n)}(\\s|$)`, 'm'));
    }
    for (const e of ENVELOPES) expect(text).toMatch(new RegExp(`^${e.seq}\\s+${e.source === 'dtc' ? 'DTC' : 'Mail'}\\s+12/08/2003 ${escape(e.wall)}\\s+${e.stated}\\s+${f.keyedByEnvelope.get(e.seq)} balanced$`, 'm'));
    expect(text).toMatch(/Drawn at journal entry [\d,]+, hash [0-9a-f]{64}\./);
    mkdirSync(OUT, { recursive: true });
    copyFileSync(pdf, path.join(OUT, 'batch-control-report.pdf'));
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(OUT, 'batch-control-report')]);

    // One confirmation: the unsigned form's, chosen from the list of the batch's elections.
    const unsigned = ITEMS.findIndex((i) => i.noes?.includes('Signed'));
    await tabTo(desk, 'Election');
    const options = await page.getByRole('combobox', { name: 'Election' }).locator('option').allTextContents();
    const at = options.findIndex((o) => o.startsWith(`Election ${keys.ids.get(unsigned)} — `));
    expect(at).toBeGreaterThanOrEqual(0);
    await key(page, '', 'Home', ...Array<string>(at).fill('ArrowDown'));
    await tabTo(desk, 'Print its confirmation…');
    await key(page, '', 'Enter');
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(new RegExp(`^Done: Printed the confirmation of election ${keys.ids.get(unsigned)}, 1 page: election-${keys.ids.get(unsigned)}-confirmation\\.pdf\\.$`));
    const letter = path.join(path.dirname(desk.bridge.bookPath), `election-${keys.ids.get(unsigned)}-confirmation.pdf`);
    const letterText = execFileSync('pdftotext', ['-layout', letter, '-'], { encoding: 'utf8' });
    for (const words of [holderOf(Number(ITEMS[unsigned]!.certificate.slice(-2))), ITEMS[unsigned]!.certificate, 'Not signed (UNSIGNED)', '$50.00']) expect(letterText).toContain(words);
    // Printed the morning after the expiration: no deadline already past is given as one to meet.
    expect(letterText.replace(/\s+/g, ' ')).toContain('The offer expired on December 8, 2003, 5:00 p.m. New York time: the company decides whether it may still be cured');
    copyFileSync(letter, path.join(OUT, 'confirmation.pdf'));
    execFileSync('pdftoppm', ['-png', '-r', '70', letter, path.join(OUT, 'confirmation')]);
  }, STEP_MS);

  it('takes odd-lot orders by phone and from a broker for the odd-lot program, eligibility shown before saving', async () => {
    // Back up to the envelope form, a Shift+Tab at a time until it has the focus (the print buttons were busy a moment ago).
    await expect
      .poll(async () => {
        await key(page, '', 'Shift+Tab');
        return focusedLabel(page);
      }, { timeout: 60_000 })
      .toBe('Time stamped');
    await key(page, '', 'Escape'); // the envelope form, empty: to the mail log
    await page.getByRole('heading', { name: `Mail log: ${XO_NAME}` }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Receipt date');
    await key(page, '', 'Escape'); // to the programs
    await expect.poll(() => focusedLabel(page)).toBe('Programs, 2');
    await key(page, '', 'ArrowDown', 'Enter');
    await page.getByRole('heading', { name: /^Mail log: XO Communications odd-lot program/ }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Receipt date');
    await key(page, '120803', 'Enter', 'Enter');
    await page.getByRole('heading', { name: BATCH_HEADING }).waitFor();
    for (const [n, order] of ODD_LOTS.entries()) {
      await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
      await key(page, order.time, 'Enter');
      await expect.poll(() => focusedLabel(page)).toBe('Items in the envelope');
      await key(page, '', 'Control+a');
      await key(page, '1', 'Tab', 'Tab');
      await expect.poll(() => focusedLabel(page)).toBe('Came by');
      await key(page, order.sourceLetter, 'Control+Enter');
      await expect.poll(() => statusText(page)).toMatch(new RegExp(`^Done: Envelope ${n + 1} stamped`));
      // The election form takes the focus once drawn: an Escape before then reached the envelope's form (to the mail log).
      await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
      await key(page, '', 'Escape'); // no election form to key: back to the envelope
    }
    await key(page, '', 'Escape');
    await page.getByRole('heading', { name: /^Mail log: XO Communications odd-lot program/ }).waitFor();
    await tabTo(desk, 'DTC instructions, guaranteed deliveries, odd-lot orders…');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: /^Intake · XO Communications odd-lot program/ }).waitFor();
    for (const [n, order] of ODD_LOTS.entries()) {
      await expect.poll(() => focusedLabel(page)).toBe('Envelope');
      await keys.choose(new RegExp(` · envelope ${n + 1} · ${order.source} · `));
      await key(page, '', 'Tab');
      await key(page, order.account, 'Tab');
      expect(await focusedLabel(page)).toBe('Order');
      await key(page, order.letter, 'Tab'); // S: sell all (as it stands), B: buy up
      await key(page, order.date, 'Tab');
      await key(page, order.time, 'Tab');
      await key(page, order.price, 'Tab');
      await page.getByText(`Eligible: the order moves ${order.shares} shares.`).waitFor();
      await desk.shot(`intake-day-odd-lot-${n + 1}`);
      await key(page, '', 'Control+Enter');
      await expect.poll(() => statusText(page)).toContain(`Order saved: ${order.account} ${order.action === 'sell' ? 'sells' : 'buys'} ${order.shares} shares.`);
    }
    const orders = await page.getByRole('table', { name: 'Odd-lot orders keyed' }).innerText();
    for (const order of ODD_LOTS) expect(orders).toMatch(new RegExp(`${order.account}[^\\n]*${order.shares}\\s+${order.source}\\s`));

    // The odd-lot batch balances as keyed, and closes.
    await key(page, '', 'Alt+ArrowLeft');
    await page.getByRole('heading', { name: /^Mail log: XO Communications odd-lot program/ }).waitFor();
    await tabTo(desk, 'Batches, 1');
    await key(page, '', 'Enter');
    await page.getByRole('heading', { name: BATCH_HEADING }).waitFor();
    const shares = (action: string) => ODD_LOTS.filter((o) => o.action === action).reduce((n, o) => n + o.shares, 0);
    await expect.poll(() => page.getByRole('table', { name: 'Shares', exact: true }).innerText()).toMatch(new RegExp(`Odd-lot shares to sell / to buy\\s+${shares('sell')} / ${shares('buy')}`));
    expect(await page.getByRole('table', { name: 'Items keyed', exact: true }).innerText()).toMatch(new RegExp(`Odd-lot orders\\s+${ODD_LOTS.length}\\n`));
    await tabTo(desk, 'Envelopes counted');
    await key(page, String(ODD_LOTS.length), 'Enter');
    await expect.poll(() => statusText(page)).toMatch(new RegExp(`^Done: Batch \\d+ closed: ${ODD_LOTS.length} items, \\$0\\.00 received\\.$`));
    await desk.shot('intake-day-odd-lot-batch-closed');
    expect(desk.problems).toEqual([]);
  }, STEP_MS);
});
