import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { AreaId } from '../../../shared/areas';
import { currentRoute, goBack, goForward, openArea, pushRoute, startHistory, type History, type Route } from './routes';

export interface Navigation {
  readonly route: Route;
  readonly history: History;
  navigate(route: Route): void;
  openArea(area: AreaId): void;
  back(): void;
  forward(): void;
}

const NavigationContext = createContext<Navigation | null>(null);

/** A small typed navigator over memory history (no URL: a desktop window has no address bar). */
export function NavigationProvider({ start, children }: { start: Route; children: ReactNode }) {
  const [history, setHistory] = useState<History>(() => startHistory(start));
  const navigate = useCallback((route: Route) => setHistory((h) => pushRoute(h, route)), []);
  const open = useCallback((area: AreaId) => setHistory((h) => openArea(h, area)), []);
  const back = useCallback(() => setHistory(goBack), []);
  const forward = useCallback(() => setHistory(goForward), []);
  const value = useMemo<Navigation>(
    () => ({ route: currentRoute(history), history, navigate, openArea: open, back, forward }),
    [history, navigate, open, back, forward],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}
