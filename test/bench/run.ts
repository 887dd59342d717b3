// `npm run bench`: runs every test/bench/*.bench.ts in its own process, in name order.
// Each bench prints one JSON object per line: {"name": …, "value": …, "unit": …}.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    failed += 1;
    process.stderr.write(`bench ${file} failed with exit ${result.status}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
