import type { Area } from '../lib/areas';

export function NotAvailable({ area }: { area: Area }) {
  return <p className="notice">{area.label}: not available yet.</p>;
}
