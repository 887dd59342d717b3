import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { ProgramPicker } from '../register/ProgramPicker';
import { ReportsDesk } from './ReportsDesk';

/** Reports (§10): choose a program, then its daily report, final certified report and holder listing. */
export function ReportsArea({ route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'reports' ? route : { area: 'reports' as const };
  if (at.programId === undefined) return <ProgramPicker heading="Reports" label="Programs" onOpen={(programId) => navigate({ area: 'reports', programId })} />;
  return <ReportsDesk programId={at.programId} onBack={() => navigate({ area: 'reports' })} />;
}
