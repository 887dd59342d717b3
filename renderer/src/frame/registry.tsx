import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { AreaId } from '../../../shared/areas';
import type { SessionUser } from '../../../shared/ipc/types';
import type { Route } from './routes';

export interface AreaScreenProps {
  readonly user: SessionUser;
  /** Where this area was left (its own part of the history). */
  readonly route: Route;
  readonly onBookReplaced: () => void;
}

type AreaScreen = LazyExoticComponent<ComponentType<AreaScreenProps>>;

/**
 * Each built area's screen, loaded when first opened. The id, label, Ctrl+digit and roles are in
 * shared/areas.ts (Electron's menu reads them too); a new area is one line here and its folder.
 */
export const AREA_SCREENS: Readonly<Partial<Record<AreaId, AreaScreen>>> = {
  setup: lazy(() => import('../features/setup/SetupArea').then((m) => ({ default: m.SetupArea }))),
  audit: lazy(() => import('../features/audit/AuditArea').then((m) => ({ default: m.AuditArea }))),
};
