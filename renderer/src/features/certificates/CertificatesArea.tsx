import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { ProgramPicker } from '../register/ProgramPicker';
import { CertificatePage } from './CertificatePage';
import { CertificatesView } from './CertificatesView';

/** Certificates: choose a program, its certificates by number or those held abroad, a certificate's page. */
export function CertificatesArea({ user, route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const at = route.area === 'certificates' ? route : { area: 'certificates' as const };
  if (at.certificateId !== undefined) {
    return <CertificatePage user={user} certificateId={at.certificateId} onBack={(programId) => navigate({ area: 'certificates', programId })} />;
  }
  if (at.programId === undefined) {
    return <ProgramPicker heading="Certificates" label="Programs" onOpen={(programId) => navigate({ area: 'certificates', programId })} />;
  }
  return <CertificatesView user={user} programId={at.programId} view={at.view ?? 'list'} />;
}
