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
    // A screen loaded on first use shows its controls a moment later: wait a few frames for them
    // (unless the clerk moves the focus meanwhile), then settle for the heading.
    let frames = 0;
    let timer = 0;
    const startedOn = document.activeElement;
    const attempt = () => {
      const target = pick();
      if (target) return target.focus();
      if (frames === 0) panel.querySelector<HTMLElement>('h1')?.focus();
      frames += 1;
      if (frames < 60 && (document.activeElement === startedOn || panel.contains(document.activeElement))) timer = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(timer);
  }, [active, focusTurn]);

  return (
    <section
      ref={panelRef}
      className="area"
      hidden={!active}
      aria-labelledby={headingId}
      onFocus={(e) => {
        lastFocused.current = e.target;
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
