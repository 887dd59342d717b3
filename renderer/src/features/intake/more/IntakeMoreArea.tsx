import { useState } from 'react';
import { useDeskQuery } from '../../../frame/query';
import type { AreaScreenProps } from '../../../frame/registry';
import { ProgramPicker } from '../../register/ProgramPicker';
import { IntakeMoreTabs } from './IntakeMoreTabs';

/**
 * A host for IntakeMoreTabs while the Intake area's own screen is built beside it: choose a
 * program, then key its DTC instructions, guaranteed deliveries or odd-lot orders. Esc from the
 * items goes back to the choice. Where the Intake area exists, it renders IntakeMoreTabs itself.
 */
export function IntakeMoreArea(_props: AreaScreenProps) {
  const [programId, setProgramId] = useState<number | null>(null);
  const programs = useDeskQuery('programs.list', {}, { topics: ['programs'] });
  const program = programs.data?.find((p) => p.id === programId);
  if (!program) return <ProgramPicker heading="Intake" label="Programs" onOpen={setProgramId} />;
  return (
    <>
      <h2>{`Intake · ${program.name}`}</h2>
      <button type="button" onClick={() => setProgramId(null)}>
        Choose another program
      </button>
      <IntakeMoreTabs programId={program.id} kind={program.kind} />
    </>
  );
}
