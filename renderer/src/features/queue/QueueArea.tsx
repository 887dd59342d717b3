import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { ProgramPicker } from '../register/ProgramPicker';
import { QueueView } from './QueueView';

/** The supervisor's queue (§11): choose a program, then its irregular items; Enter opens one to decide it. */
export function QueueArea({ user, route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'queue' ? route : { area: 'queue' as const };
  if (at.programId === undefined) return <ProgramPicker heading="Queue — irregular items" label="Programs" onOpen={(programId) => navigate({ area: 'queue', programId })} />;
  return <QueueView key={at.programId} programId={at.programId} user={user} />;
}
