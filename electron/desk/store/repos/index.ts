import type { Kysely } from 'kysely';
import type { WriteRepos } from '../port';
import type { BookTables } from '../tables';
import { holdersRepo } from './holders';
import { journalRepo, type JournalRepo } from './journal';
import { programsRepo } from './programs';
import { searchRepo } from './search';
import { termsRepo } from './terms';
import { usersRepo } from './users';

/** The store's own view: the services' repositories plus the journal's appending side. */
export interface StoreRepos extends WriteRepos {
  readonly journal: JournalRepo;
}

/**
 * Every query the services may run, one repository per area, written once over the query layer
 * for both stores. `db` is a transaction (or a connection) of either store.
 */
export function makeRepos(db: Kysely<BookTables>): StoreRepos {
  return {
    users: usersRepo(db),
    programs: programsRepo(db),
    holders: holdersRepo(db),
    terms: termsRepo(db),
    journal: journalRepo(db),
    search: searchRepo(db),
  };
}
