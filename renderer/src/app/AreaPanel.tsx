import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { Role } from '../../../shared/ipc/schemas';
import { mayOpenArea, type Area } from '../lib/areas';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="0"]';

interface AreaPanelProps {
  readonly area: Area;
  readonly role: Role;
  readonly active: boolean;
  /** Changes each time the clerk switches area; the panel then takes the focus. */
  readonly focusTurn: number;
  readonly children: ReactNode;
}

/** One area's page. Coming back to it puts the focus where the clerk left it. */
export function AreaPanel({ area, role, active, focusTurn, children }: AreaPanelProps) {
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const allowed = mayOpenArea(area, role);

  useEffect(() => {
    if (!active || focusTurn === 0 || !panelRef.current) return;
    const panel = panelRef.current;
    const pick = (): HTMLElement | null => {
      const remembered = lastFocused.current;
      if (remembered && remembered.isConnected && panel.contains(remembered)) return remembered;
      return panel.querySelector<HTMLElement>(FOCUSABLE);
    };
    // A screen loaded on first use shows its controls a moment later: the heading holds the focus
    // until they appear, unless the clerk has moved it elsewhere meanwhile.
    const target = pick();
    if (target) {
      target.focus();
      return;
    }
    const heading = panel.querySelector<HTMLElement>('h1');
    heading?.focus();
    const observer = new MutationObserver(() => {
      if (document.activeElement !== heading) return observer.disconnect();
      const arrived = pick();
      if (arrived) {
        observer.disconnect();
        arrived.focus();
      }
    });
    observer.observe(panel, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'disabled'] });
    return () => observer.disconnect();
  }, [active, focusTurn]);

  return (
    <section
      ref={panelRef}
      className="area"
      hidden={!active}
      aria-labelledby={headingId}
      onFocus={(e) => {
        // The heading only stands in while the screen loads; it is not a place to come back to.
        if (e.target.tagName !== 'H1') lastFocused.current = e.target;
      }}
    >
      <h1 id={headingId} tabIndex={-1}>
        {area.label}
      </h1>
      {allowed ? (
        children
      ) : (
        <p className="notice">The {area.label} area is for supervisors and administrators.</p>
      )}
    </section>
  );
}
