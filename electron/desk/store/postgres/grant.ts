import pg from 'pg';
import { DeskFailure } from '../../../../shared/ipc/result';
import { connectClient } from './connect';
import { DESK_ROLE_GRANTS } from './schema';

/** A role name as PostgreSQL spells an ordinary identifier; nothing to quote, nothing to inject. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives the desks' login role what a desk needs, table by table, and takes back the rest:
 * it may append to the journal and read it, never update, delete or truncate it (and the
 * journal's trigger refuses those to everyone besides). Run by the tables' owner.
 */
export async function grantDeskRole(url: string, role: string): Promise<void> {
  checkRoleName(role);
  const client = await connectClient(url);
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount === 0) throw new DeskFailure('NOT_FOUND', `Desk role: there is no role "${role}" on the server; create it first (CREATE ROLE ${role} LOGIN PASSWORD '…')`);
    const owner = await client.query<{ owner: boolean }>("SELECT pg_has_role($1, (SELECT tableowner FROM pg_tables WHERE tablename = 'journal' AND schemaname = current_schema()), 'MEMBER') AS owner", [role]);
    if (owner.rows[0]?.owner === true) throw new DeskFailure('CONFLICT', `Desk role: "${role}" owns the book's tables; desks must connect as a role that does not`);
    await client.query('BEGIN');
    await client.query(`GRANT USAGE ON SCHEMA ${await schemaName(client)} TO ${role}`);
    for (const { table, privileges } of DESK_ROLE_GRANTS) {
      await client.query(`REVOKE ALL ON ${table} FROM ${role}`);
      await client.query(`GRANT ${privileges} ON ${table} TO ${role}`);
    }
    await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${await schemaName(client)} TO ${role}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Refuses, in words, a role name that would need quoting. */
export function checkRoleName(role: string): void {
  if (!ROLE_NAME.test(role)) throw new DeskFailure('INVALID_INPUT', `Desk role: "${role.slice(0, 63)}" is not a plain role name (lower-case letters, digits and _)`);
}

async function schemaName(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string }>('SELECT current_schema() AS name');
  const name = rows[0]?.name ?? 'public';
  if (!ROLE_NAME.test(name)) throw new Error(`The book's schema has a name that needs quoting: ${name}`);
  return name;
}
