import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';

/**
 * Which entry forms hold keyed, unsaved work, for whoever must ask before throwing it away (sign
 * out, the lock screen's "Not you? Sign out"). Each form says so itself (EntryForm does, for every
 * form that can be abandoned); nothing is passed down through props.
 */
interface DirtyFormsApi {
  set(id: string, dirty: boolean): void;
  /** Something is keyed and unsaved in a form still on the desk (shown, hidden or behind the lock). */
  anyDirty(): boolean;
}

const DirtyFormsContext = createContext<DirtyFormsApi | null>(null);

export function DirtyFormsProvider({ children }: { children: ReactNode }) {
  const dirty = useRef(new Set<string>());
  const api = useMemo<DirtyFormsApi>(
    () => ({
      set: (id, isDirty) => {
        if (isDirty) dirty.current.add(id);
        else dirty.current.delete(id);
      },
      anyDirty: () => dirty.current.size > 0,
    }),
    [],
  );
  return <DirtyFormsContext.Provider value={api}>{children}</DirtyFormsContext.Provider>;
}

/** The registry; a stand-in that knows of nothing outside a provider (a form tried on its own). */
export function useDirtyForms(): DirtyFormsApi {
  return useContext(DirtyFormsContext) ?? NO_REGISTRY;
}

const NO_REGISTRY: DirtyFormsApi = { set: () => undefined, anyDirty: () => false };

/** Registers a form's dirtiness for as long as it is mounted. */
export function useDirtyRegistration(dirty: boolean): void {
  const id = useId();
  const registry = useDirtyForms();
  useEffect(() => {
    registry.set(id, dirty);
  }, [registry, id, dirty]);
  useEffect(() => () => registry.set(id, false), [registry, id]);
}

/**
 * Sign out, asking first when something keyed would be lost (Y signs out, N or Esc stays).
 * Returns the request and the question to render while it is asked.
 */
export function useGuardedSignOut(signOut: () => void): { request: () => void; question: ReactNode } {
  const registry = useDirtyForms();
  const [asking, setAsking] = useState(false);
  const request = useCallback(() => {
    if (registry.anyDirty()) setAsking(true);
    else signOut();
  }, [registry, signOut]);
  const question = asking ? (
    <ConfirmDialog
      question="Sign out and abandon what you keyed?"
      detail="What you keyed and did not save is lost when you sign out."
      yesLabel="Sign out and abandon"
      noLabel="Keep keying"
      onAnswer={(yes) => {
        setAsking(false);
        if (yes) signOut();
      }}
    />
  ) : null;
  return { request, question };
}
