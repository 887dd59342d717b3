import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { HolderPage } from './HolderPage';
import { ProgramPicker } from './ProgramPicker';
import { RegisterView } from './RegisterView';

/** The record-date register: choose a program, move through its register, open a holder. */
export function RegisterArea({ user, route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'register' ? route : { area: 'register' as const };
  if (at.programId === undefined) {
    return <ProgramPicker heading="Register" label="Programs" onOpen={(programId) => navigate({ area: 'register', programId })} />;
  }
  const programId = at.programId;
  return (
    <>
      {at.account !== undefined ? <HolderPage user={user} programId={programId} account={at.account} onBack={() => navigate({ area: 'register', programId })} /> : null}
      {/* The register stays mounted under a holder's page, so going back finds the row where it was. */}
      <div hidden={at.account !== undefined}>
        <RegisterView user={user} active={at.account === undefined} programId={programId} onOpenHolder={(account) => navigate({ area: 'register', programId, account })} onBack={() => navigate({ area: 'register' })} />
      </div>
    </>
  );
}
