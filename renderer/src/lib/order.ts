import type { ProgramSummary, UserSummary } from '../../../shared/ipc/types';

/** Programs in the order main lists them: latest record date first, then newest. */
export const programOrder = (a: ProgramSummary, b: ProgramSummary): number =>
  b.recordDate.localeCompare(a.recordDate) || b.id - a.id;

/** Users in the order main lists them: by user name. */
export const userOrder = (a: UserSummary, b: UserSummary): number => a.username.localeCompare(b.username);

/** A list with one item added or replaced (same id), kept in order. */
export function withItem<T extends { readonly id: number }>(list: readonly T[] | null, item: T, order: (a: T, b: T) => number): T[] {
  return [...(list ?? []).filter((x) => x.id !== item.id), item].sort(order);
}
