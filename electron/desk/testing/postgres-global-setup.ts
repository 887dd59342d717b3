// vitest globalSetup (.config/vitest.config.ts): one PostgreSQL server for the whole run, started
// only when a test first asks for a database (`testDatabase()`), so runs without such tests pay
// nothing. The test files run in forks; they ask this process over a small HTTP endpoint on
// 127.0.0.1 (guarded by a random token) and get the server's superuser details back.
// Teardown stops the server and removes its data, whether the tests passed or not.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startPostgresServer, type PostgresServer, type PostgresServerInfo } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `testDatabase()` asks for the run's PostgreSQL server. */
    deskPostgres: { endpoint: string; token: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const token = randomBytes(16).toString('hex');
  let starting: Promise<PostgresServer> | undefined;
  const endpoint = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(403).end();
      return;
    }
    (starting ??= startPostgresServer()).then(
      (server) => {
        const info: PostgresServerInfo = { host: server.host, port: server.port, user: server.user, password: server.password };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(info));
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.stack ?? error.message : String(error));
      },
    );
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const { port } = endpoint.address() as AddressInfo;
  project.provide('deskPostgres', { endpoint: `http://127.0.0.1:${port}/`, token });

  return async () => {
    endpoint.close();
    endpoint.closeAllConnections();
    const server = await starting?.catch(() => undefined);
    await server?.stop();
  };
}
