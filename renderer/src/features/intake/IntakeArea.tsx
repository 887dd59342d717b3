import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { ProgramPicker } from '../register/ProgramPicker';
import { BatchDesk } from './BatchDesk';
import { MailLog } from './MailLog';
import { IntakeMoreScreen } from './more/IntakeMoreArea';
import { LettersScreen } from '../letters/LettersScreen';

/**
 * Intake: choose a program, then its mail log (batches), then a batch: stamp envelopes and key
 * their election forms; or, from the mail log, the program's DTC instructions, guaranteed
 * deliveries and odd-lot orders.
 */
export function IntakeArea({ route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'intake' ? route : { area: 'intake' as const };
  if (at.programId === undefined) {
    return <ProgramPicker heading="Intake" label="Programs" onOpen={(programId) => navigate({ area: 'intake', programId })} />;
  }
  const programId = at.programId;
  if (at.view === 'more') return <IntakeMoreScreen programId={programId} onBack={() => navigate({ area: 'intake' })} />;
  if (at.view === 'letters') return <LettersScreen programId={programId} onBack={() => navigate({ area: 'intake', programId })} />;
  if (at.batchId === undefined) {
    return (
      <MailLog
        programId={programId}
        onOpenBatch={(batchId) => navigate({ area: 'intake', programId, batchId })}
        onOpenMore={() => navigate({ area: 'intake', programId, view: 'more' })}
        onOpenLetters={() => navigate({ area: 'intake', programId, view: 'letters' })}
        onBack={() => navigate({ area: 'intake' })}
      />
    );
  }
  return <BatchDesk programId={at.programId} batchId={at.batchId} onBack={() => navigate({ area: 'intake', programId: at.programId })} />;
}
