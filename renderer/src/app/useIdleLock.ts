import { useEffect, useRef } from 'react';
import { IDLE_CHECK_MS, activityReportDue, idleLockDue } from '../lib/idle';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once nobody has touched keyboard or mouse for `minutes` (main enforces it too),
 * and reports activity to main through `reportActivity` at most once a minute, so that a clerk
 * keying one long form is not found idle by main when the form is finally saved.
 */
export function useIdleLock(enabled: boolean, minutes: number, onIdle: () => void, reportActivity: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  const reportRef = useRef(reportActivity);
  reportRef.current = reportActivity;
  useEffect(() => {
    if (!enabled || !(minutes > 0)) return;
    let last = Date.now();
    let lastReport = last;
    const touched = () => {
      last = Date.now();
      if (activityReportDue(lastReport, last)) {
        lastReport = last;
        reportRef.current();
      }
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
