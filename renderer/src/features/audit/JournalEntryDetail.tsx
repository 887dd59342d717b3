import type { JournalEntryView } from '../../../../shared/ipc/types';
import { actionWords } from '../../../../shared/ipc/action-words';
import { Dialog } from '../../components/Dialog';
import { formatInstant } from '../../lib/dates';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** One journal entry in full: who, when, what in words, and its before and after side by side when it has them. */
export function JournalEntryDetail({ entry, onClose }: { readonly entry: JournalEntryView; readonly onClose: () => void }) {
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  const { before, after, ...rest } = payload;
  const hasSides = before !== undefined || after !== undefined;
  return (
    <Dialog title={`Entry ${entry.seq}: ${actionWords(entry.action)}`} onClose={onClose} className="journal-entry">
      <dl className="facts">
        <dt>When</dt>
        <dd>{formatInstant(entry.at)}</dd>
        <dt>Who</dt>
        <dd>{entry.username ?? 'system'}</dd>
        <dt>Action</dt>
        <dd>
          {actionWords(entry.action)} <code>{entry.action}</code>
        </dd>
        <dt>Hash</dt>
        <dd>
          <code className="hash">{entry.hash}</code>
        </dd>
      </dl>
      {hasSides ? (
        <div className="before-after">
          <section aria-label="Before">
            <h3>Before</h3>
            <pre tabIndex={0}>{before === undefined ? '(nothing)' : pretty(before)}</pre>
          </section>
          <section aria-label="After">
            <h3>After</h3>
            <pre tabIndex={0}>{after === undefined ? '(nothing)' : pretty(after)}</pre>
          </section>
        </div>
      ) : null}
      {Object.keys(rest).length > 0 || !hasSides ? (
        <section aria-label="Details">
          <h3>Details</h3>
          <pre tabIndex={0}>{pretty(hasSides ? rest : payload)}</pre>
        </section>
      ) : null}
      <div className="toolbar">
        <button type="button" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
