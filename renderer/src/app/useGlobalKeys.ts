import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/ipc/bridge';
import { commandForKey } from '../lib/keys';

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type)));

/** Application keys (Ctrl+digit, Ctrl+K, F1, …), while `enabled`; a pending yes/no question blocks them. */
export function useGlobalKeys(enabled: boolean, run: (command: MenuCommand) => void): void {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const command = commandForKey(e, isTextField(e.target));
      if (command === null) return;
      e.preventDefault();
      if (document.querySelector('[role="alertdialog"]')) return;
      runRef.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
