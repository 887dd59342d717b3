import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { ProgramPicker } from '../register/ProgramPicker';
import { BatchDesk } from './BatchDesk';
import { MailLog } from './MailLog';

/** Intake: choose a program, then its mail log (batches), then a batch: stamp envelopes and key their items. */
export function IntakeArea({ route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'intake' ? route : { area: 'intake' as const };
  if (at.programId === undefined) {
    return <ProgramPicker heading="Intake" label="Programs" onOpen={(programId) => navigate({ area: 'intake', programId })} />;
  }
  if (at.batchId === undefined) {
    return <MailLog programId={at.programId} onOpenBatch={(batchId) => navigate({ area: 'intake', programId: at.programId, batchId })} onBack={() => navigate({ area: 'intake' })} />;
  }
  return <BatchDesk programId={at.programId} batchId={at.batchId} onBack={() => navigate({ area: 'intake', programId: at.programId })} />;
}
