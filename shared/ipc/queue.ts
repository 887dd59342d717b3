/**
 * Channels' inputs and results for the supervisor's queue (§11): the irregular items of a
 * program a window at a time, one item opened with everything about it, and a decision on it.
 */
import { z } from 'zod';
import { DEFICIENCY_CODES, type DeficiencyCode } from '../domain/deficiencies';
import { labelled } from './labels';
import { isoDateSchema, reasonText } from './schemas';
import type { JournalEntryView } from './types';

const positiveId = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

export const QUEUE_STATUSES = ['in-queue', 'open', 'cure-arrived', 'cure-lapsed', 'awaiting-cure', 'accepted', 'rejected', 'withdrawn', 'clean', 'all'] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUSES)[number];

const deficiencyCode = labelled(z.enum(DEFICIENCY_CODES as unknown as readonly [DeficiencyCode, ...DeficiencyCode[]], { error: 'Deficiency: choose one of the listed deficiencies' }), 'Deficiency');

export const queueFilterSchema = z
  .object({
    programId: positiveId('Program'),
    status: labelled(z.enum(QUEUE_STATUSES, { error: 'Status: choose one of the listed statuses' }), 'Status').default('in-queue'),
    code: deficiencyCode.optional(),
    /** Business days since the envelope's receipt stamp, at least this many. */
    minAge: labelled(z.number({ error: 'Age must be a number of business days' }).int('Age must be a whole number of business days').min(0, 'Age cannot be negative').max(10_000, 'Age is too large'), 'Age (business days, at least)').optional(),
    batchId: positiveId('Batch').optional(),
    clerkId: positiveId('Clerk').optional(),
  })
  .strict();
export type QueueFilterInput = z.input<typeof queueFilterSchema>;
export type QueueFilter = z.output<typeof queueFilterSchema>;

export const queueListInput = z
  .object({
    filter: labelled(queueFilterSchema, 'Filter'),
    offset: labelled(z.number().int().min(0), 'Position'),
    limit: labelled(z.number().int().min(1).max(500), 'Number of rows'),
  })
  .strict();

export const itemRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('election'), id: positiveId('Item') }).strict(),
  z.object({ kind: z.literal('odd-lot-order'), id: positiveId('Item') }).strict(),
]);

export const queueItemInput = z.object({ programId: positiveId('Program'), item: labelled(itemRefSchema, 'Item') }).strict();

export const DECISION_KINDS = ['waive', 'allow-cure', 'cured', 'reject'] as const;
export type DecisionKindInput = (typeof DECISION_KINDS)[number];

export const queueDecideInput = z
  .object({
    programId: positiveId('Program'),
    item: labelled(itemRefSchema, 'Item'),
    decision: labelled(z.enum(DECISION_KINDS, { error: 'Decision: choose waive, allow a cure, cured or reject' }), 'Decision'),
    codes: labelled(z.array(deficiencyCode, { error: 'Deficiencies must be a list' }).max(DEFICIENCY_CODES.length, 'Deficiencies: too many'), 'Deficiencies'),
    reason: reasonText('Reason', 'Holder phoned; signature on file matches'),
    cureBy: labelled(isoDateSchema.clone(), 'Cure by', 'type the date as MMDDYY').nullable(),
  })
  .strict()
  .refine((d) => (d.decision === 'allow-cure') === (d.cureBy !== null), { message: 'Cure by: a date is needed to allow a cure, and only then', path: ['cureBy'] });
export type QueueDecideInput = z.input<typeof queueDecideInput>;

export interface ItemRefView {
  readonly kind: 'election' | 'odd-lot-order';
  readonly id: number;
}

export interface CodeView {
  readonly code: DeficiencyCode;
  readonly title: string;
}

export interface QueueRowView {
  readonly key: string;
  readonly ref: ItemRefView;
  /** 'Form', 'DTC instruction' or 'Odd-lot order'. */
  readonly itemWords: string;
  readonly certificate: string;
  readonly holder: string;
  readonly batch: string;
  readonly batchId: number;
  /** The envelope's receipt stamp, New York wall time 'YYYY-MM-DDTHH:mm'. */
  readonly received: string;
  /** Business days from the receipt stamp's date to today (New York). */
  readonly ageDays: number;
  readonly clerk: string;
  readonly open: readonly CodeView[];
  readonly status: string;
  readonly statusWords: string;
  readonly cureBy: string | null;
}

export interface QueueListView {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly QueueRowView[];
  /** The journal entry the list was read at. */
  readonly drawnAtSeq: number;
  /** The program's batches and the clerks who keyed its items, for the filters. */
  readonly batches: readonly { readonly id: number; readonly label: string }[];
  readonly clerks: readonly { readonly id: number; readonly name: string }[];
}

export interface DeficiencyItemView extends CodeView {
  readonly description: string;
  readonly waivable: boolean;
  /** 'open', 'waived' or 'cured'. */
  readonly state: 'open' | 'waived' | 'cured';
}

export interface ItemPaymentView {
  readonly id: number;
  readonly method: string;
  readonly amount: string;
  readonly applied: string;
  readonly checkNumber: string | null;
  readonly payer: string;
  readonly keyedAt: string;
  readonly events: readonly { readonly kind: string; readonly businessDate: string; readonly reason: string | null; readonly at: string }[];
}

export interface DecisionView {
  readonly id: number;
  readonly kind: string;
  readonly words: string;
  readonly codes: readonly string[];
  readonly cureBy: string | null;
  readonly reason: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
  /** The election it was taken on (an earlier one of the chain, when corrected since). */
  readonly electionId: number | null;
}

export interface ItemFileView {
  readonly ref: ItemRefView;
  readonly itemWords: string;
  readonly status: string;
  readonly statusWords: string;
  readonly cureBy: string | null;
  readonly certificate: string;
  readonly account: string;
  readonly holder: readonly string[];
  /** What was keyed, in words, in the order the form asks it. */
  readonly keyed: readonly { readonly label: string; readonly value: string }[];
  readonly deficiencies: readonly DeficiencyItemView[];
  readonly funds: { readonly good: string; readonly pending: string; readonly returned: string; readonly cost: string; readonly due: string } | null;
  readonly payments: readonly ItemPaymentView[];
  readonly envelope: { readonly id: number; readonly seq: number; readonly batch: string; readonly batchId: number; readonly stamped: string; readonly source: string };
  readonly corrects: readonly number[];
  readonly decisions: readonly DecisionView[];
  readonly history: readonly (JournalEntryView & { readonly words: string })[];
  readonly keyedBy: string;
  /** Whether the caller keyed or changed it (four-eyes: they may not decide it). */
  readonly yourHands: boolean;
}

export interface DecidedView {
  readonly decisionId: number;
  readonly refund: string | null;
  readonly status: string;
  readonly statusWords: string;
  /** A cure allowed past the expiration (the company's call, §11), said back to the supervisor. */
  readonly warning: string | null;
}
