import { useDeskQuery } from '../../../frame/query';
import { IntakeMoreTabs } from './IntakeMoreTabs';

/**
 * A program's intake items beyond the election form: its DTC instructions, guaranteed
 * deliveries or odd-lot orders, each keyed against an envelope of the mail log.
 */
export function IntakeMoreScreen({ programId, onBack }: { readonly programId: number; readonly onBack: () => void }) {
  const programs = useDeskQuery('programs.list', {}, { topics: ['programs'] });
  const program = programs.data?.find((p) => p.id === programId);
  if (!program) return <p>Loading…</p>;
  return (
    <>
      <h2>{`Intake · ${program.name}`}</h2>
      <button type="button" onClick={onBack}>
        Choose another program
      </button>
      <IntakeMoreTabs programId={program.id} kind={program.kind} />
    </>
  );
}
