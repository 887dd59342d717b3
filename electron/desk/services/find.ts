import type { Role } from '../../../shared/ipc/schemas';
import type { FoundItem } from '../../../shared/ipc/types';
import type { BookStore, ReadRepos, SearchKind } from '../store/port';
import { queryWords } from '../store/search-terms';
import { findRegister } from './find-register';
import { KIND_WORDS } from './views';

/** What each role may find: users only by those who manage them. */
const KINDS_BY_ROLE: Readonly<Record<Role, readonly SearchKind[]>> = {
  clerk: ['program'],
  supervisor: ['program'],
  admin: ['program', 'user'],
};

/**
 * Finds, across programs, certificates by number, holders by account, TIN last four, postal code
 * or the start of words of their registration, then programs (and, for an administrator, users)
 * by any words of their names, issuer, CUSIP or user name — each word a prefix, in any order,
 * accents ignored.
 */
export async function findInBook(store: BookStore, role: Role, input: { query: string; limit: number }): Promise<FoundItem[]> {
  const words = queryWords(input.query);
  if (words.length === 0) return [];
  return store.read(async (r) => {
    const items = await findRegister(r, input.query, input.limit);
    if (items.length < input.limit) items.push(...(await findIndexed(r, words, KINDS_BY_ROLE[role], input.limit - items.length)));
    return items;
  });
}

async function findIndexed(r: ReadRepos, words: readonly string[], kinds: readonly SearchKind[], limit: number): Promise<FoundItem[]> {
  const found = await r.search.find(words, kinds, limit);
  const items: FoundItem[] = [];
  for (const hit of found) {
    if (hit.kind === 'program') {
      const p = await r.programs.byId(hit.refId);
      if (p) items.push({ kind: 'program', id: p.id, title: p.name, detail: `${p.issuer} · CUSIP ${p.cusip} · ${KIND_WORDS[p.kind]}` });
    } else if (hit.kind === 'user') {
      const u = await r.users.byId(hit.refId);
      if (u) items.push({ kind: 'user', id: u.id, title: u.displayName, detail: `${u.username} · ${u.role}${u.active ? '' : ' · inactive'}` });
    }
  }
  return items;
}
