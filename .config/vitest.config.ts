import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Tests that stand on the store port: run on SQLite and again on PostgreSQL. */
const STORE_LEVEL = [
  'electron/desk/store/*.contract.test.ts',
  'electron/desk/services/**/*.test.ts',
  'electron/desk/handlers/**/*.test.ts',
  'electron/desk/desk.test.ts',
];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    exclude: ['node_modules/**', 'electron/dist/**', 'renderer/dist/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A poll waits for what a real process does (a worker thread starting, Chromium painting):
    // on a shared 2-core machine under load that can take seconds, never a reason to fail.
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
    // A PostgreSQL server for the run, started when a test first calls testDatabase().
    globalSetup: ['electron/desk/testing/postgres-global-setup.ts'],
    // New password hashes at a low scrypt cost in tests (the app's own cost is asserted in password.test.ts).
    setupFiles: ['electron/desk/testing/fast-hashes.setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'postgres', include: STORE_LEVEL, env: { DESK_TEST_STORE: 'postgres' } },
      },
    ],
  },
});
