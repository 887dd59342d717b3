import type { Database } from 'better-sqlite3';
import { holdersRepo } from './holders';
import { journalRepo } from './journal';
import { programsRepo } from './programs';
import { termsRepo } from './terms';
import { usersRepo } from './users';

/** Every query the services may run, one repository per area; all SQL lives behind these. */
export function makeRepos(db: Database) {
  return {
    users: usersRepo(db),
    programs: programsRepo(db),
    holders: holdersRepo(db),
    terms: termsRepo(db),
    journal: journalRepo(db),
  };
}
export type Repos = ReturnType<typeof makeRepos>;

/** What a read may call: the same repositories without their writing methods. */
export type ReadRepos = {
  readonly users: Pick<Repos['users'], 'count' | 'activeAdminCount' | 'byId' | 'byUsername' | 'list'>;
  readonly programs: Pick<Repos['programs'], 'byId' | 'byCusip' | 'list'>;
  readonly holders: Pick<Repos['holders'], 'byAccount' | 'count'>;
  readonly terms: Pick<Repos['terms'], 'history'>;
  readonly journal: Pick<Repos['journal'], 'count' | 'list'>;
};
