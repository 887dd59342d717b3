import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type StatusKind = 'info' | 'done' | 'problem';
export interface StatusMessage {
  readonly text: string;
  readonly kind: StatusKind;
}

interface StatusApi {
  readonly current: StatusMessage | null;
  report(text: string, kind?: StatusKind): void;
  /** Forgets a problem once the clerk has moved on (another area, signed out); other messages stay. */
  clearProblem(): void;
}

const StatusContext = createContext<StatusApi | null>(null);

export function StatusProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<StatusMessage | null>(null);
  const report = useCallback((text: string, kind: StatusKind = 'info') => setCurrent({ text, kind }), []);
  const clearProblem = useCallback(() => setCurrent((c) => (c?.kind === 'problem' ? null : c)), []);
  const api = useMemo(() => ({ current, report, clearProblem }), [current, report, clearProblem]);
  return <StatusContext.Provider value={api}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusApi {
  const api = useContext(StatusContext);
  if (!api) throw new Error('useStatus outside StatusProvider');
  return api;
}
