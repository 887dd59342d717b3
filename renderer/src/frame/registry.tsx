import { createElement, lazy, type ComponentType } from 'react';
import type { AreaId } from '../../../shared/areas';
import type { SessionUser } from '../../../shared/ipc/types';
import type { Route } from './routes';

export interface AreaScreenProps {
  readonly user: SessionUser;
  /** Where this area was left (its own part of the history). */
  readonly route: Route;
  readonly onBookReplaced: () => void;
}

export type AreaScreen = ComponentType<AreaScreenProps> & { readonly preload: () => Promise<unknown> };

/**
 * A screen loaded on first use (React.lazy), which can also be loaded ahead (`preload`) while the
 * clerk signs in. Once loaded it renders at once: React.lazy alone would still show the fallback
 * for a moment, and the clerk's first keys after sign-in would land on it.
 */
function lazyScreen(load: () => Promise<ComponentType<AreaScreenProps>>): AreaScreen {
  let loaded: ComponentType<AreaScreenProps> | null = null;
  let loading: Promise<ComponentType<AreaScreenProps>> | null = null;
  const preload = () =>
    (loading ??= load().then((screen) => {
      loaded = screen;
      return screen;
    }));
  const Lazy = lazy(() => preload().then((screen) => ({ default: screen })));
  const Screen = (props: AreaScreenProps) => createElement(loaded ?? Lazy, props);
  return Object.assign(Screen, { preload });
}

/**
 * Each built area's screen. The id, label, Ctrl+digit and roles are in shared/areas.ts (Electron's
 * menu reads them too); a new area is one line here and its folder under features/.
 */
export const AREA_SCREENS: Readonly<Partial<Record<AreaId, AreaScreen>>> = {
  setup: lazyScreen(() => import('../features/setup/SetupArea').then((m) => m.SetupArea)),
  register: lazyScreen(() => import('../features/register/RegisterArea').then((m) => m.RegisterArea)),
  certificates: lazyScreen(() => import('../features/certificates/CertificatesArea').then((m) => m.CertificatesArea)),
  intake: lazyScreen(() => import('../features/intake/IntakeArea').then((m) => m.IntakeArea)),
  payments: lazyScreen(() => import('../features/payments/PaymentsArea').then((m) => m.PaymentsArea)),
  queue: lazyScreen(() => import('../features/queue/QueueArea').then((m) => m.QueueArea)),
  lost: lazyScreen(() => import('../features/lost/LostArea').then((m) => m.LostArea)),
  reports: lazyScreen(() => import('../features/reports/ReportsArea').then((m) => m.ReportsArea)),
  audit: lazyScreen(() => import('../features/audit/AuditArea').then((m) => m.AuditArea)),
};

/** Loads every built screen ahead, e.g. while the sign-in screen waits for the clerk. */
export function preloadAreaScreens(): void {
  for (const screen of Object.values(AREA_SCREENS)) void screen?.preload().catch(() => undefined); // a failure shows when the area opens
}
