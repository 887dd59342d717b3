import { useEffect, useRef } from 'react';
import { IDLE_CHECK_MS, idleLockDue } from '../lib/idle';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once nobody has touched keyboard or mouse for `minutes` (main enforces it too). */
export function useIdleLock(enabled: boolean, minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  useEffect(() => {
    if (!enabled || !(minutes > 0)) return;
    let last = Date.now();
    const touched = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY) window.addEventListener(name, touched, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (idleLockDue(last, Date.now(), minutes)) onIdleRef.current();
    }, IDLE_CHECK_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, touched, { capture: true });
    };
  }, [enabled, minutes]);
}
