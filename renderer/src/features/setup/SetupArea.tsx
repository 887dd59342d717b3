import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/types';
import { ProgramsPanel } from './ProgramsPanel';
import { UsersPanel } from './UsersPanel';

export interface ProgramRequest {
  readonly programId: number;
  /** Distinguishes two requests for the same program. */
  readonly turn: number;
}

type Tab = 'programs' | 'users';

/** Programs for everyone (created by supervisors and administrators); users for administrators. */
export function SetupArea({ user, programRequest }: { user: SessionUser; programRequest: ProgramRequest | null }) {
  const [tab, setTab] = useState<Tab>('programs');
  const isAdmin = user.role === 'admin';

  useEffect(() => {
    if (programRequest) setTab('programs');
  }, [programRequest]);

  return (
    <>
      {isAdmin ? (
        <nav className="sub-nav" aria-label="Setup">
          <button type="button" aria-current={tab === 'programs' ? 'page' : undefined} onClick={() => setTab('programs')}>
            Programs
          </button>
          <button type="button" aria-current={tab === 'users' ? 'page' : undefined} onClick={() => setTab('users')}>
            Users
          </button>
        </nav>
      ) : null}
      <div hidden={tab !== 'programs'}>
        <ProgramsPanel user={user} programRequest={programRequest} />
      </div>
      {isAdmin && tab === 'users' ? <UsersPanel self={user} /> : null}
    </>
  );
}
