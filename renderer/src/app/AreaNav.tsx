import { AREAS, type AreaId } from '../lib/areas';

export function AreaNav({ current, onSelect }: { current: AreaId; onSelect: (id: AreaId) => void }) {
  return (
    <nav className="area-nav" aria-label="Areas">
      <ul>
        {AREAS.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              aria-current={a.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Control+${a.digit}`}
              onClick={() => onSelect(a.id)}
            >
              <span className="area-name">{a.label}</span>
              <kbd>Ctrl+{a.digit}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
