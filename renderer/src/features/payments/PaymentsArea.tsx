import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { ProgramPicker } from '../register/ProgramPicker';
import { PaymentsView } from './PaymentsView';

/** Payments: choose a program; then find and settle payments, read a bank file, or see the escrow ledger. */
export function PaymentsArea({ user, route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'payments' ? route : { area: 'payments' as const };
  if (at.programId === undefined) {
    return <ProgramPicker heading="Payments" label="Programs" onOpen={(programId) => navigate({ area: 'payments', programId, view: 'find' })} />;
  }
  return <PaymentsView user={user} programId={at.programId} view={at.view ?? 'find'} paymentId={at.paymentId} />;
}
