import type { AreaId } from '../../../shared/areas';
import { AREA_TABLE } from '../../../shared/areas';
import type { FoundItem } from '../../../shared/ipc/types';

/**
 * Where the clerk is, as a typed value: any screen can open "program 12 › terms" by building
 * one. New areas add their own variants here (e.g. `{ area: 'certificates', certificate: 'RT-000123' }`).
 */
export type Route =
  | { readonly area: 'setup'; readonly view: 'programs' }
  | { readonly area: 'setup'; readonly view: 'users' }
  | { readonly area: 'setup'; readonly view: 'program'; readonly programId: number; readonly section?: 'terms' }
  | { readonly area: 'register'; readonly programId?: number; readonly account?: string }
  | { readonly area: 'certificates'; readonly programId?: number; readonly view?: 'list' | 'held'; readonly certificateId?: number }
  | { readonly area: 'intake'; readonly programId?: number; readonly batchId?: number; readonly view?: 'more' | 'letters' }
  | { readonly area: 'payments'; readonly programId?: number; readonly view?: PaymentsView; readonly paymentId?: number }
  | { readonly area: 'lost'; readonly programId?: number; readonly caseId?: number }
  | { readonly area: 'queue'; readonly programId?: number }
  | { readonly area: 'reports'; readonly programId?: number }
  | { readonly area: Exclude<AreaId, 'setup' | 'register' | 'certificates' | 'intake' | 'payments' | 'lost' | 'queue' | 'reports'> };

/** The Payments area's views: find and settle one payment, read a bank file, the escrow ledger. */
export type PaymentsView = 'find' | 'bank' | 'ledger';

/** Where a Ctrl+K result opens: a program's page, the users, a holder's page, a certificate's. */
export function routeOfFound(item: FoundItem): Route {
  switch (item.kind) {
    case 'program':
      return { area: 'setup', view: 'program', programId: item.id };
    case 'user':
      return { area: 'setup', view: 'users' };
    case 'holder':
      return item.programId !== undefined && item.account !== undefined ? { area: 'register', programId: item.programId, account: item.account } : { area: 'register' };
    case 'certificate':
      return { area: 'certificates', certificateId: item.id };
  }
}

export type RouteOf<A extends AreaId> = Extract<Route, { readonly area: A }>;

export const areaHome = (area: AreaId): Route => (area === 'setup' ? { area, view: 'programs' } : { area });

/** A route in words, for the status line and screen readers: "Setup › program 12 › terms". */
export function describeRoute(route: Route): string {
  const area = AREA_TABLE.find((a) => a.id === route.area)?.label ?? route.area;
  if (route.area === 'register') {
    if (route.programId === undefined) return area;
    return `${area} › program ${route.programId}${route.account !== undefined ? ` › account ${route.account}` : ''}`;
  }
  if (route.area === 'certificates') {
    if (route.certificateId !== undefined) return `${area} › certificate ${route.certificateId}`;
    if (route.programId === undefined) return area;
    return `${area} › program ${route.programId}${route.view === 'held' ? ' › held abroad' : ''}`;
  }
  if (route.area === 'intake') {
    if (route.programId === undefined) return area;
    return `${area} › program ${route.programId}${route.batchId !== undefined ? ` › batch ${route.batchId}` : route.view === 'more' ? ' › DTC, guaranteed deliveries, odd-lot orders' : route.view === 'letters' ? ' › letters to holders' : ''}`;
  }
  if (route.area === 'payments') {
    if (route.programId === undefined) return area;
    const view = route.paymentId !== undefined ? ` › payment ${route.paymentId}` : route.view === 'bank' ? ' › bank file' : route.view === 'ledger' ? ' › escrow ledger' : '';
    return `${area} › program ${route.programId}${view}`;
  }
  if (route.area === 'queue') return route.programId === undefined ? area : `${area} › program ${route.programId}`;
  if (route.area === 'lost') {
    if (route.programId === undefined) return area;
    return `${area} › program ${route.programId}${route.caseId !== undefined ? ` › case ${route.caseId}` : ''}`;
  }
  if (route.area === 'reports') return route.programId === undefined ? area : `${area} › program ${route.programId}`;
  if (route.area !== 'setup') return area;
  if (route.view === 'program') return `${area} › program ${route.programId}${route.section ? ` › ${route.section}` : ''}`;
  return `${area} › ${route.view}`;
}

export const sameRoute = (a: Route, b: Route): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Memory history: the routes visited, where we are among them, and where each area was left. */
export interface History {
  readonly entries: readonly Route[];
  readonly index: number;
  readonly lastByArea: Readonly<Partial<Record<AreaId, Route>>>;
}

const MAX_ENTRIES = 100;

export const startHistory = (route: Route): History => ({ entries: [route], index: 0, lastByArea: { [route.area]: route } });

export const currentRoute = (history: History): Route => history.entries[history.index]!;

/** Goes to `route`; what lay ahead of the current entry (after going back) is dropped, as in a browser. */
export function pushRoute(history: History, route: Route): History {
  if (sameRoute(currentRoute(history), route)) return history;
  const entries = [...history.entries.slice(0, history.index + 1), route].slice(-MAX_ENTRIES);
  return { entries, index: entries.length - 1, lastByArea: { ...history.lastByArea, [route.area]: route } };
}

/** Ctrl+digit: the area as it was left, or its home the first time. */
export const openArea = (history: History, area: AreaId): History => pushRoute(history, history.lastByArea[area] ?? areaHome(area));

function moveTo(history: History, index: number): History {
  if (index < 0 || index >= history.entries.length || index === history.index) return history;
  const route = history.entries[index]!;
  return { ...history, index, lastByArea: { ...history.lastByArea, [route.area]: route } };
}

export const goBack = (history: History): History => moveTo(history, history.index - 1);
export const goForward = (history: History): History => moveTo(history, history.index + 1);
