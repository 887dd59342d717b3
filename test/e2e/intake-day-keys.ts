/**
 * How the day's clerk keys, for test/e2e/intake-day.test.ts: keys only, the way the screens
 * expect them (Enter through a clean form, Tab to what a clean form skips, first letters on lists).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { focusedLabel, key, statusText, type DeskPage } from './harness';
import { ITEMS, METHOD_LETTERS, type DayEnvelope, type DayItem } from './intake-day-mail';
import { tabTo } from './program-desk';

const sorted = (codes: readonly string[]) => [...codes].sort().join(' ');

interface ActiveList {
  readonly document: { readonly activeElement: { readonly selectedOptions?: readonly { readonly text: string }[]; readonly options?: Iterable<{ readonly text: string }> } | null };
}

export class DayKeys {
  /** Item ids as the desk numbered them, by index in ITEMS. */
  readonly ids = new Map<number, number>();
  private readonly page: Page;

  constructor(private readonly desk: DeskPage) {
    this.page = desk.page;
  }

  /** The text of the option chosen on the focused list. */
  chosenText(): Promise<string> {
    return this.page.evaluate(() => (globalThis as unknown as ActiveList).document.activeElement?.selectedOptions?.[0]?.text ?? '');
  }

  /** On the focused list, moves with the arrow keys to the option that matches. */
  async choose(option: RegExp): Promise<void> {
    // The list is filled once main answers: wait for the option before moving to it.
    await expect.poll(() => this.page.evaluate(() => [...((globalThis as unknown as ActiveList).document.activeElement?.options ?? [])].map((o) => o.text))).toContainEqual(expect.stringMatching(option));
    await key(this.page, '', 'Home');
    for (let i = 0; i < 20 && !option.test(await this.chosenText()); i++) await key(this.page, '', 'ArrowDown');
    expect(await this.chosenText()).toMatch(option);
  }

  /** Types the envelope's stamp and count, picks how it came, stamps it. */
  async stamp(e: DayEnvelope): Promise<void> {
    const { page } = this;
    await expect.poll(() => focusedLabel(page)).toBe('Time stamped');
    await key(page, e.time, 'Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Items in the envelope');
    await key(page, '', 'Control+a');
    await key(page, String(e.stated), 'Tab', 'Tab');
    await expect.poll(() => focusedLabel(page)).toBe('Came by');
    await key(page, e.source === 'dtc' ? 'd' : 'm', 'Control+Enter');
    await expect.poll(() => statusText(page)).toBe(`Done: Envelope ${e.seq} stamped ${e.wall} on 12/08/2003: key its ${e.stated} item${e.stated === 1 ? '' : 's'}.`);
    // The envelope's election form takes the focus once it is drawn: a key before then would reach the envelope's form.
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
  }

  /**
   * Keys one election form: the number scanned (typed fast, then Enter), the holder awaited, the
   * data; the engine's deficiencies awaited beside their fields before saving; warnings confirmed.
   */
  async keyForm(index: number): Promise<void> {
    const { page, desk } = this;
    const item = ITEMS[index]!;
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
    await key(page, item.certificate, 'Enter');
    // The holder shows once the lookup answers; keying on before it would race the payer carried in.
    await page.getByRole('region', { name: `Certificate ${item.certificate}` }).waitFor();
    expect(await focusedLabel(page)).toBe('Basic shares');
    await key(page, item.basic === null ? '' : String(item.basic));
    if (item.over > 0) {
      await key(page, '', 'Tab');
      await key(page, String(item.over));
    }
    for (const question of item.noes ?? []) {
      await tabTo(desk, question);
      await key(page, 'n');
    }
    await key(page, '', 'Enter');
    const saveKey = await this.keyPayment(item);
    // The engine's verdict as typed, before saving: in the panel, and each deficiency beside its field.
    await expect.poll(() => this.verdictCodes(), { message: item.name }).toBe(sorted(item.codes));
    for (const code of item.codes) await page.getByText(`— deficiency ${code}`).first().waitFor();
    await key(page, '', saveKey);
    if (item.warnings) await this.confirmWarnings(item, index);
    await expect.poll(() => statusText(page)).toMatch(new RegExp(`^Done: Saved item \\d+: ${item.certificate} — `));
    const said = await statusText(page);
    this.ids.set(index, Number(/Saved item (\d+)/.exec(said)![1]));
    const codes = /deficiencies (.*)\.$/.exec(said)?.[1]?.split(', ') ?? [];
    expect(sorted(codes), item.name).toBe(sorted(item.codes));
    await expect.poll(() => focusedLabel(page)).toBe('Certificate number');
  }

  /** The codes the live verdict panel shows now, sorted. */
  async verdictCodes(): Promise<string> {
    const words = await this.page.getByRole('region', { name: 'As keyed so far' }).innerText();
    return sorted([...words.matchAll(/ — ([A-Z_]+)/g)].map((m) => m[1]!));
  }

  private async confirmWarnings(item: DayItem, index: number): Promise<void> {
    const dialog = this.page.getByRole('alertdialog', { name: 'Key it anyway?' });
    await dialog.waitFor();
    const words = await dialog.innerText();
    for (const w of item.warnings ?? []) expect(words).toMatch(w);
    await this.desk.shot(`intake-day-warning-${index}`);
    await key(this.page, 'y');
  }

  /** Keys the form's payment from its Amount; returns the key that saves from where the focus is left. */
  private async keyPayment(item: DayItem): Promise<string> {
    const { page } = this;
    const p = item.payments[0]!;
    expect(await focusedLabel(page)).toBe('Amount');
    if (p.method !== 'check') {
      await key(page, '', 'Shift+Tab');
      expect(await focusedLabel(page)).toBe('Method');
      await key(page, METHOD_LETTERS[p.method as keyof typeof METHOD_LETTERS], 'Tab');
    }
    await key(page, p.amount.replace(/\.00$/, ''), 'Enter');
    if (p.method === 'wire') {
      expect(await focusedLabel(page)).toBe('Wire reference');
      await key(page, p.reference!);
      return 'Enter';
    }
    if (p.routing) {
      expect(await focusedLabel(page)).toBe('Routing number');
      await key(page, p.routing); // moves on by itself at its ninth digit
    }
    await expect.poll(() => focusedLabel(page)).toBe('Check number');
    await key(page, p.number!);
    if (!p.account) return 'Enter';
    await key(page, '', 'Tab'); // the account number: reached with Tab, a clean check skips it
    expect(await focusedLabel(page)).toBe('Account number');
    await key(page, p.account);
    return 'Control+Enter';
  }
}
