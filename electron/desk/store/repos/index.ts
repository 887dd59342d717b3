import type { Database } from 'better-sqlite3';
import { holdersRepo } from './holders';
import { journalRepo } from './journal';
import { programsRepo } from './programs';
import { usersRepo } from './users';

/** Every query the services may run, one repository per area; all SQL lives behind these. */
export function makeRepos(db: Database) {
  return {
    users: usersRepo(db),
    programs: programsRepo(db),
    holders: holdersRepo(db),
    journal: journalRepo(db),
  };
}
export type Repos = ReturnType<typeof makeRepos>;
