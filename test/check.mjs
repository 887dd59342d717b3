// `npm run check`: lint, typecheck, then every test; ends with one plain summary line
// ("tests: N passed, N failed, N skipped") and exits non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = path.join(root, 'test', 'output', 'vitest.json');
mkdirSync(path.dirname(report), { recursive: true });

const run = (label, command, args) => {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
};

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  ['lint', bin('eslint'), ['--config', '.config/eslint.config.js', '.']],
  ['typecheck', bin('tsc'), ['-b']],
];
let failedSteps = steps.filter(([label, command, args]) => !run(label, command, args)).map(([label]) => label);

const testsOk = run('tests', bin('vitest'), [
  'run', '--config', '.config/vitest.config.ts',
  '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
]);
if (!testsOk) failedSteps.push('tests');

let counts = { passed: 0, failed: 0, skipped: 0 };
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  counts = {
    passed: json.numPassedTests ?? 0,
    failed: (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0),
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
} catch {
  failedSteps.push('test report unreadable');
}
if (failedSteps.length > 0) process.stdout.write(`\nfailed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exitCode = failedSteps.length === 0 && counts.failed === 0 ? 0 : 1;
