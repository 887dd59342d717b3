/**
 * Channels' inputs and results for batch control: a batch's control figures, closing it once it
 * balances, its batch control report and its confirmations (PDF, through jobs). The renderer
 * names only a program, a batch or an election and the clerk's own count of envelopes: the files
 * are chosen in main's own dialogs.
 */
import { z } from 'zod';
import { labelled } from './labels';

const positiveId = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

export const batchListInput = z.object({ programId: positiveId('Program') }).strict();
export const batchIdInput = z.object({ batchId: positiveId('Batch') }).strict();
export const electionIdInput = z.object({ electionId: positiveId('Election') }).strict();

/** The clerk counts the envelopes in the tray and types the number: it must match the mail log. */
export const envelopesCounted = labelled(
  z.number({ error: 'Envelopes counted must be a number' }).int('Envelopes counted must be a whole number').min(0, 'Envelopes counted cannot be negative').max(100_000, 'Envelopes counted must be at most 100,000'),
  'Envelopes counted',
  'count the envelopes in the tray, e.g. 12',
);

export const closeBatchInput = z.object({ batchId: positiveId('Batch'), envelopesCounted }).strict();

/** Items keyed, by kind: election forms, DTC instructions, odd-lot orders, certificates delivered for a notice. */
export interface ItemCounts {
  readonly forms: number;
  readonly dtc: number;
  readonly oddLots: number;
  readonly covers: number;
  readonly total: number;
}

export interface EnvelopeFigures {
  readonly envelopeId: number;
  readonly seq: number;
  readonly source: string;
  /** As stamped, New York wall time 'YYYY-MM-DDTHH:mm'. */
  readonly stampedLocal: string;
  readonly stated: number;
  readonly keyed: ItemCounts;
  /** keyed − stated: negative when items are missing, positive when more were keyed. */
  readonly difference: number;
}

export interface ShareFigures {
  /** Basic shares written on the forms and instructions (where a number was written). */
  readonly basicWritten: number;
  /** Elections with no number written (§4b decides what they exercise). */
  readonly basicNotIndicated: number;
  readonly oversubscriptionWritten: number;
  /** What the engine says is exercised: basic shares after §4b, oversubscription shares paid for. */
  readonly basicDeemed: number;
  readonly oversubscriptionPaid: number;
  /** Rights surrendered through DTC. */
  readonly rightsSurrendered: number;
  readonly oddLotSell: number;
  readonly oddLotBuyUp: number;
}

export interface MethodFigures {
  /** A payment method ('check', 'wire', …), or 'total'. */
  readonly method: string;
  readonly payments: number;
  /** Decimal text, two decimals. */
  readonly amount: string;
}

/** A batch's control figures: what its closing keeps and its report prints. */
export interface BatchFigures {
  readonly envelopes: readonly EnvelopeFigures[];
  readonly items: ItemCounts & { readonly stated: number; readonly corrections: number; readonly reversed: number };
  readonly shares: ShareFigures;
  readonly methods: readonly MethodFigures[];
  readonly amountTotal: MethodFigures;
  /** The elections that count, by deficiency code, and how many have any. */
  readonly deficiencies: readonly { readonly code: string; readonly items: number }[];
  readonly electionsWithDeficiencies: number;
  /** Every envelope's keyed items equal its stated count. */
  readonly balanced: boolean;
}

export interface BatchElectionLine {
  readonly electionId: number;
  readonly kind: 'form' | 'dtc';
  readonly certificateNumber: string;
  readonly envelopeSeq: number;
  readonly basicShares: number | null;
  readonly oversubscriptionShares: number;
  readonly deficiencies: readonly string[];
  readonly reversed: boolean;
}

export interface BatchControlView {
  readonly batchId: number;
  readonly programId: number;
  readonly programName: string;
  readonly label: string;
  readonly receiptDate: string;
  readonly closed: { readonly at: string; readonly by: string | null } | null;
  readonly figures: BatchFigures;
  /** Deficiency codes' titles, for the lines of `figures.deficiencies`. */
  readonly deficiencyTitles: Readonly<Record<string, string>>;
  /** "Envelope 2: 3 items stated, 2 keyed (1 short)" for each envelope that does not balance. */
  readonly differences: readonly string[];
  readonly elections: readonly BatchElectionLine[];
}

export interface BatchSummaryView {
  readonly batchId: number;
  readonly label: string;
  readonly receiptDate: string;
  readonly envelopes: number;
  readonly closed: boolean;
}

export interface BatchClosedView {
  readonly batchId: number;
  readonly closedAt: string;
  readonly items: number;
  readonly amount: string;
}
