/**
 * Where an item stands under §11, from its deficiencies as the engine sees them now and the
 * company's decisions on it, in the order they were taken. A subscription is accepted only when
 * every deficiency is waived or cured (§11); a rejection ends it (its good funds are refunded).
 * An allowed cure takes the item off the queue until the cure arrives or its date passes.
 * Pure: the queue, the letters and the §10 reports all read an item's standing from here.
 */
import type { DeficiencyCode } from '../../../../shared/domain';

export const ITEM_STATUSES = ['clean', 'open', 'awaiting-cure', 'cure-arrived', 'cure-lapsed', 'accepted', 'rejected', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The statuses a supervisor still has to act on: these make the queue. */
export const IN_QUEUE: ReadonlySet<ItemStatus> = new Set(['open', 'cure-arrived', 'cure-lapsed']);

/** Clean from the start, or every deficiency waived or cured: the subscription stands (§11). */
export const isAccepted = (s: ItemStatus): boolean => s === 'clean' || s === 'accepted';

export type DecisionKind = 'waive' | 'allow-cure' | 'cured' | 'reject';

/** A decision as the standing reads it (a `decisions` record has these fields). */
export interface DecisionFacts {
  readonly id: number;
  readonly kind: string;
  readonly codes: unknown;
  readonly cureBy: string | null;
  readonly decidedAt: string;
}

export interface StandingInput {
  /** The item's deficiencies as the engine names them now. */
  readonly codes: readonly DeficiencyCode[];
  /** The decisions on the item (and on the elections it corrects), in the order taken. */
  readonly decisions: readonly DecisionFacts[];
  /** Reversed: a correction replaced it, or it was withdrawn from the count. */
  readonly withdrawn: boolean;
  /** Today, New York calendar date 'YYYY-MM-DD' (a cure by a date is good through that date). */
  readonly today: string;
  /** The latest instant anything came in for the item (its correction, a payment, a clearance). */
  readonly lastArrivalAt: string;
}

export interface Standing {
  readonly status: ItemStatus;
  /** Deficiencies neither waived nor cured. */
  readonly open: readonly DeficiencyCode[];
  readonly waived: readonly DeficiencyCode[];
  readonly cured: readonly DeficiencyCode[];
  /** The date the latest allowed cure must arrive by, while one stands. */
  readonly cureBy: string | null;
}

const codesOf = (d: DecisionFacts): readonly string[] => (Array.isArray(d.codes) ? d.codes.filter((c): c is string => typeof c === 'string') : []);

export function standingOf(input: StandingInput): Standing {
  const waived = new Set<string>();
  const cured = new Set<string>();
  for (const d of input.decisions) {
    if (d.kind === 'waive') for (const c of codesOf(d)) waived.add(c);
    if (d.kind === 'cured') for (const c of codesOf(d)) cured.add(c);
  }
  const open = input.codes.filter((c) => !waived.has(c) && !cured.has(c));
  const of = (set: Set<string>) => input.codes.filter((c) => set.has(c));
  const base = { open, waived: of(waived), cured: of(cured) };
  if (input.withdrawn) return { ...base, status: 'withdrawn', cureBy: null };
  if (input.decisions.some((d) => d.kind === 'reject')) return { ...base, status: 'rejected', cureBy: null };
  if (open.length === 0) return { ...base, status: input.codes.length === 0 && input.decisions.length === 0 ? 'clean' : 'accepted', cureBy: null };
  const cure = [...input.decisions].reverse().find((d) => d.kind === 'allow-cure' && codesOf(d).some((c) => open.includes(c as DeficiencyCode)));
  if (!cure || cure.cureBy === null) return { ...base, status: 'open', cureBy: null };
  if (input.lastArrivalAt > cure.decidedAt) return { ...base, status: 'cure-arrived', cureBy: cure.cureBy };
  return { ...base, status: input.today > cure.cureBy ? 'cure-lapsed' : 'awaiting-cure', cureBy: cure.cureBy };
}
