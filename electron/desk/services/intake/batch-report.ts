/**
 * The batch control report, in words: the batch's control figures (batch-control.ts) as the
 * clerk balances them, with the journal head they were drawn at — read in the same snapshot, so
 * the printed figures are exactly the book at that entry — and who drew it, when (New York).
 */
import type { BatchControlView, EnvelopeFigures } from '../../../../shared/ipc/batch-control';
import { printedCusip } from '../../pdf/certificate-doc';
import type { BatchReportPrint, PrintLine, ReportEnvelope } from '../../pdf/intake-print-model';
import type { JournalHead, ProgramRecord, ReadRepos } from '../../store/port';
import { batchControl } from './batch-control';
import { dateInWords, dollars, instantInWords, methodLabel, shares, sourceLabel } from './print-words';

export interface ReportSource {
  readonly program: ProgramRecord;
  readonly view: BatchControlView;
  readonly head: JournalHead | null;
}

/** The figures and the journal head, in one snapshot. */
export async function reportSource(r: ReadRepos, batchId: number): Promise<ReportSource> {
  const view = await batchControl(r, batchId);
  const [program, head] = await Promise.all([r.programs.byId(view.programId), r.journal.head()]);
  if (!program) throw new Error(`Batch ${batchId} names a program the book does not have`);
  return { program, view, head };
}

const count = (n: number, one: string, many: string) => `${shares(n)} ${n === 1 ? one : many}`;

function balanceWords(e: Pick<EnvelopeFigures, 'difference'>): string {
  if (e.difference === 0) return 'balanced';
  return `${Math.abs(e.difference)} ${e.difference < 0 ? 'short' : 'over'}`;
}

function itemLines(v: BatchControlView): PrintLine[] {
  const i = v.figures.items;
  return [
    { label: 'Election forms', value: shares(i.forms) },
    { label: 'DTC instructions', value: shares(i.dtc) },
    { label: 'Odd-lot orders', value: shares(i.oddLots) },
    { label: 'Certificates delivered for notices', value: shares(i.covers) },
    { label: 'Items keyed', value: shares(i.total) },
    { label: 'Items stated on the envelopes', value: shares(i.stated) },
    { label: 'Corrections keyed (not counted again)', value: shares(i.corrections) },
    { label: 'Elections withdrawn by a correction', value: shares(i.reversed) },
  ];
}

function shareLines(v: BatchControlView): PrintLine[] {
  const s = v.figures.shares;
  return [
    { label: 'Basic shares written', value: shares(s.basicWritten) },
    { label: 'Forms with no number written (§4b)', value: shares(s.basicNotIndicated) },
    { label: 'Basic shares exercised (after §4b)', value: shares(s.basicDeemed) },
    { label: 'Oversubscription shares written', value: shares(s.oversubscriptionWritten) },
    { label: 'Oversubscription shares paid for', value: shares(s.oversubscriptionPaid) },
    { label: 'Rights surrendered through DTC', value: shares(s.rightsSurrendered) },
    { label: 'Odd-lot shares to sell / to buy', value: `${shares(s.oddLotSell)} / ${shares(s.oddLotBuyUp)}` },
  ];
}

/** "2003-11-20T13:40" → "11/20/2003 1:40 p.m.": short enough for the envelope table. */
function stampWords(wall: string): string {
  const hour = Number.parseInt(wall.slice(11, 13), 10);
  return `${wall.slice(5, 7)}/${wall.slice(8, 10)}/${wall.slice(0, 4)} ${hour % 12 === 0 ? 12 : hour % 12}:${wall.slice(14, 16)} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

function envelopeLine(e: EnvelopeFigures): ReportEnvelope {
  return { seq: String(e.seq), source: sourceLabel(e.source), stamped: stampWords(e.stampedLocal), stated: shares(e.stated), keyed: shares(e.keyed.total), balance: balanceWords(e), balanced: e.difference === 0 };
}

/** The report in words, drawn by `by` at `at` (ISO UTC). */
export function batchReportOf(source: ReportSource, by: { readonly username: string; readonly displayName: string; readonly at: string }): BatchReportPrint {
  const { program, view, head } = source;
  const f = view.figures;
  const stated = f.items.stated;
  const difference = f.items.total - stated;
  return {
    issuer: program.issuer,
    programName: program.name,
    cusip: printedCusip(program.cusip),
    title: `Batch ${view.batchId} — ${view.label}, received ${dateInWords(view.receiptDate)}`,
    state: view.closed ? `Closed ${instantInWords(view.closed.at)}${view.closed.by ? ` by ${view.closed.by}` : ''}` : 'Open: not yet closed',
    items: itemLines(view),
    shares: shareLines(view),
    methods: f.methods.map((m) => ({ method: methodLabel(m.method), count: shares(m.payments), amount: dollars(m.amount) })),
    methodsTotal: { method: 'Total received', count: shares(f.amountTotal.payments), amount: dollars(f.amountTotal.amount) },
    deficiencies: [
      ...f.deficiencies.map((d) => ({ code: d.code, title: view.deficiencyTitles[d.code] ?? d.code, count: shares(d.items) })),
      ...(f.deficiencies.length === 0 ? [] : [{ code: '', title: 'Elections with any deficiency', count: shares(f.electionsWithDeficiencies) }]),
    ],
    envelopes: f.envelopes.map(envelopeLine),
    envelopesTotal: { seq: 'Total', source: count(f.envelopes.length, 'envelope', 'envelopes'), stamped: '', stated: shares(stated), keyed: shares(f.items.total), balance: balanceWords({ difference }), balanced: f.balanced },
    balance: f.balanced
      ? `Balanced: every envelope's keyed items equal its stated count (${count(f.envelopes.length, 'envelope', 'envelopes')}, ${count(stated, 'item', 'items')}).`
      : `NOT BALANCED — the batch cannot be closed: ${view.differences.join('; ')}.`,
    balanced: f.balanced,
    head: head === null ? 'Drawn from an empty journal.' : `Drawn at journal entry ${shares(head.seq)}, hash ${head.hash}.`,
    drawn: `Drawn ${instantInWords(by.at)} by ${by.username} (${by.displayName}).`,
  };
}
