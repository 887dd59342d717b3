import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { FoundItem } from '../../../../shared/ipc/types';
import { Dialog } from '../../components/Dialog';
import { useDeskQuery } from '../../frame/query';
import { nextRow } from '../../lib/listKeys';
import { useDebounced } from '../../lib/useDebounced';

interface FindDialogProps {
  readonly onClose: () => void;
  readonly onOpen: (item: FoundItem) => void;
  /** Administrators find users too (main decides; this only words the label). */
  readonly findsUsers: boolean;
}

/** How long typing may pause before the desk is asked: each keystroke of a fast typist is not a search. */
const TYPING_PAUSE_MS = 120;

/** Ctrl+K: type any words of a name, an issuer or a CUSIP; arrows choose, Enter opens. Found by main's index. */
export function FindDialog({ onClose, onOpen, findsUsers }: FindDialogProps) {
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Enter typed before the desk has answered for the last keystrokes: open the first match when it does.
  const [openWhenFound, setOpenWhenFound] = useState(false);
  const asked = useDebounced(query.trim(), TYPING_PAUSE_MS);
  const results = useDeskQuery('find', { query: asked, limit: 20 }, { topics: ['programs', 'users', 'register', 'certificates'], enabled: asked !== '', placeholderData: (previous) => previous });
  const found: readonly FoundItem[] = asked === '' ? [] : (results.data ?? []);
  const current = Math.min(active, Math.max(found.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;

  const settled = asked === query.trim() && results.data !== undefined && !results.isFetching;
  useEffect(() => {
    if (!openWhenFound || !settled) return;
    setOpenWhenFound(false);
    const first = found[0];
    if (first) onOpen(first);
  }, [openWhenFound, settled, found, onOpen]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const item = found[current];
      if (settled && item) onOpen(item);
      else if (query.trim() !== '') setOpenWhenFound(true);
      return;
    }
    const next = nextRow(e.key, current, found.length);
    if (next !== null && e.key !== 'Home' && e.key !== 'End') {
      e.preventDefault();
      setActive(next);
    }
  };

  return (
    <Dialog title="Find" onClose={onClose} className="find">
      <div className="field">
        <label htmlFor={inputId}>{findsUsers ? 'Holder, certificate, program, CUSIP or user' : 'Holder, certificate, program or CUSIP'}</label>
        <input
          id={inputId}
          data-autofocus
          type="text"
          role="combobox"
          aria-expanded={found.length > 0}
          aria-controls={listId}
          aria-activedescendant={found.length > 0 ? optionId(current) : undefined}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpenWhenFound(false);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="field-hint">A holder by account, the start of words of the name, TIN last four or postal code; a certificate by number (RT-000123 or rt123); a program by name, issuer or CUSIP.</span>
      </div>
      {results.error ? (
        <p className="form-problem" role="alert">
          {results.error.message}
        </p>
      ) : null}
      <ul id={listId} role="listbox" aria-label="Found" className="find-results">
        {found.map((item, i) => (
          <li
            key={`${item.kind}-${item.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'selected' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onOpen(item)}
          >
            <span className="find-name">{item.title}</span> <span className="muted">{item.kind === 'user' ? 'User · ' : item.kind === 'holder' ? 'Holder · ' : ''}{item.detail}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {asked === '' ? '' : results.isFetching && results.data === undefined ? 'Finding…' : `${found.length} found`}
      </p>
      {asked !== '' && results.data !== undefined && found.length === 0 ? <p className="notice">Nothing matches “{asked}”.</p> : null}
      <p className="muted">
        <kbd>↑</kbd> <kbd>↓</kbd> choose, <kbd>Enter</kbd> open, <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}
