/**
 * A program's letters to holders: the bulk runs (every cure, rejection or foreign-holder letter
 * not yet printed, each count shown on its button; main's dialog chooses the folder, a job prints
 * them) and the letters printed, newest first, on the frame's grid.
 */
import { useCallback } from 'react';
import type { LettersDueView, LetterView } from '../../../../shared/ipc/letters';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { OneLetterForm } from './OneLetterForm';
import { LETTER_WORDS, usePrintLetters } from './print-letters';

const COLUMNS: readonly GridColumn<LetterView>[] = [
  { id: 'at', header: 'Printed (ET)', cell: (l) => formatInstant(l.printedAt), text: (l) => formatInstant(l.printedAt) },
  { id: 'kind', header: 'Letter', cell: (l) => LETTER_WORDS[l.kind] },
  { id: 'concerning', header: 'Concerning', cell: (l) => l.concerning, className: 'code' },
  { id: 'decision', header: 'Decision', cell: (l) => (l.decisionId === null ? '' : `No. ${l.decisionId}`) },
  { id: 'by', header: 'Printed by', cell: (l) => l.printedBy },
  { id: 'file', header: 'File SHA-256', cell: (l) => <span title={l.fileSha256}>{l.fileSha256.slice(0, 16)}…</span>, className: 'code' },
];

type Bulk = 'cure' | 'rejection' | 'foreign-holder';
const BULKS: readonly { readonly bulk: Bulk; readonly due: keyof LettersDueView; readonly label: string }[] = [
  { bulk: 'cure', due: 'cure', label: 'cure letters' },
  { bulk: 'rejection', due: 'rejection', label: 'rejection letters' },
  { bulk: 'foreign-holder', due: 'foreignHolder', label: 'foreign-holder letters' },
];

export function LettersPanel({ programId }: { programId: number }) {
  const list = useDeskQuery('letters.list', { programId }, { topics: ['letters', 'intake', 'certificates'] });
  const keyOf = useCallback((l: LetterView) => l.id, []);
  const source = useArraySource(list.data?.letters ?? [], keyOf);
  const { busy, print } = usePrintLetters();
  const due = list.data?.due;
  return (
    <section className="letters" aria-labelledby="letters-title">
      <h3 id="letters-title">Letters to holders</h3>
      <p className="muted">Each run prints every letter of its kind not yet printed, into a folder you choose next; each letter is recorded with the file it went out in.</p>
      <div className="toolbar" role="group" aria-label="Print in bulk">
        {BULKS.map((b) => {
          const count = due?.[b.due] ?? 0;
          return (
            <button key={b.bulk} type="button" aria-disabled={busy || count === 0} onClick={() => void (busy || count === 0 ? undefined : print({ programId, bulk: b.bulk }, `the ${b.label} due`))}>
              Print the {b.label} due ({count.toLocaleString('en-US')})…
            </button>
          );
        })}
      </div>
      <OneLetterForm programId={programId} />
      {list.error ? <p className="form-problem" role="alert">The letters cannot be listed: {list.error.message}</p> : null}
      {list.data ? <Grid label="Letters printed" columns={COLUMNS} source={source} emptyText="No letter has been printed for this program yet." /> : null}
    </section>
  );
}
