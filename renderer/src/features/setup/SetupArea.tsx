import type { AreaScreenProps } from '../../frame/registry';
import { useNavigation } from '../../frame/navigation';
import { ProgramsPanel } from './ProgramsPanel';
import { UsersPanel } from './UsersPanel';

/** Programs for everyone (created by supervisors and administrators); users for administrators. */
export function SetupArea({ user, route }: AreaScreenProps) {
  const { navigate } = useNavigation();
  const isAdmin = user.role === 'admin';
  const tab = route.area === 'setup' && route.view === 'users' && isAdmin ? 'users' : 'programs';
  const openProgram = route.area === 'setup' && route.view === 'program' ? route : null;

  return (
    <>
      {isAdmin ? (
        <nav className="sub-nav" aria-label="Setup">
          <button type="button" aria-current={tab === 'programs' ? 'page' : undefined} onClick={() => navigate({ area: 'setup', view: 'programs' })}>
            Programs
          </button>
          <button type="button" aria-current={tab === 'users' ? 'page' : undefined} onClick={() => navigate({ area: 'setup', view: 'users' })}>
            Users
          </button>
        </nav>
      ) : null}
      <div hidden={tab !== 'programs'}>
        <ProgramsPanel user={user} openProgram={openProgram} />
      </div>
      {tab === 'users' ? <UsersPanel self={user} /> : null}
    </>
  );
}
