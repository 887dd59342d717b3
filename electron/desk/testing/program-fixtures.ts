/**
 * For tests of programs and their terms: the seed program files in test/fixtures, a book
 * staffed with an administrator and two supervisors, and a program marked as having its
 * certificates issued (an issue row written through a journaled change, as issuing does).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SessionUser } from '../../../shared/ipc/types';
import { createFirstAdmin, createUser } from '../services/accounts';
import type { BookStore } from '../store/port';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

/** A fixture's bytes, and its JSON. */
export const fixtureBytes = (name: string): Buffer => readFileSync(`${FIXTURES_DIR}${name}`);
export const fixtureJson = (name: string): Record<string, unknown> => JSON.parse(fixtureBytes(name).toString('utf8')) as Record<string, unknown>;

export const XO_PROGRAM_FILE = 'xo-program.json';
export const ODD_LOT_PROGRAM_FILE = 'xo-odd-lot-program.json';

const PASSWORD = 'correct horse battery';

/** ada (admin), sue and sam (supervisors), carl (clerk). */
export async function staffBook(store: BookStore): Promise<Record<'ada' | 'sue' | 'sam' | 'carl', SessionUser>> {
  const ada = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada Admin', password: PASSWORD });
  const add = async (username: string, role: 'supervisor' | 'clerk'): Promise<SessionUser> => {
    const u = await createUser(store, ada, { username, displayName: `${username} (${role})`, password: PASSWORD, role });
    return { id: u.id, username: u.username, displayName: u.displayName, role: u.role } as SessionUser;
  };
  return { ada, sue: await add('sue', 'supervisor'), sam: await add('sam', 'supervisor'), carl: await add('carl', 'clerk') };
}

/** Marks a program's certificates as issued (no certificates: the issue row is what locks the terms). */
export function markCertificatesIssued(store: BookStore, programId: number): Promise<void> {
  return store.change({ id: null, username: null }, 'certificates.issued', async (tx, at) => {
    const issue = await tx.certificates.insertIssue({ programId, issuedAt: at, issuedBy: null, certificates: 0, totals: {} });
    return { payload: { programId, issueId: issue.id, certificates: 0 }, result: undefined };
  });
}
