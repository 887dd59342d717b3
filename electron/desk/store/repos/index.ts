import type { Kysely } from 'kysely';
import type { WriteRepos } from '../port';
import { RowLog } from '../row-digests';
import type { BookTables } from '../tables';
import { amendmentsRepo } from './amendments';
import { certificatesRepo } from './certificates';
import { holdersRepo } from './holders';
import { intakeRepo } from './intake';
import { lostRepo } from './lost';
import { supervisionRepo } from './supervision';
import { tinsRepo } from './tins';
import { paymentsRepo } from './payments';
import { journalRepo, type JournalRepo } from './journal';
import { programsRepo } from './programs';
import { registerRepo } from './register';
import { searchRepo } from './search';
import { signInFailuresRepo } from './sign-in';
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
export function makeRepos(db: Kysely<BookTables>, log: RowLog = new RowLog()): StoreRepos {
  // Each writer reports the keys it wrote to `log`, so the change can digest them (row-digests.ts).
  return {
    users: usersRepo(db, log),
    programs: programsRepo(db, log),
    holders: holdersRepo(db, log),
    terms: termsRepo(db, log),
    journal: journalRepo(db),
    search: searchRepo(db),
    signInFailures: signInFailuresRepo(db, log),
    register: registerRepo(db, log),
    certificates: certificatesRepo(db, log),
    amendments: amendmentsRepo(db, log),
    intake: intakeRepo(db, log),
    lost: lostRepo(db, log),
    supervision: supervisionRepo(db, log),
    tins: tinsRepo(db),
    payments: paymentsRepo(db),
  };
}
