/**
 * The letters view reached from a program's mail log (until the supervisor's own areas hold it):
 * the program's name, a way back, and its letters panel.
 */
import { useDeskQuery } from '../../frame/query';
import { LettersPanel } from './LettersPanel';

export function LettersScreen({ programId, onBack }: { readonly programId: number; readonly onBack: () => void }) {
  const program = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  return (
    <section aria-labelledby="letters-screen-title">
      <h2 id="letters-screen-title">{`Letters · ${program.data?.name ?? `program ${programId}`}`}</h2>
      <button type="button" onClick={onBack}>
        Back to the mail log
      </button>
      <LettersPanel programId={programId} />
    </section>
  );
}
