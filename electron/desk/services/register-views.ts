import type { HolderView, RegisterEntriesView, RegisterSummaryView } from '../../../shared/ipc/register-types';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore, ReadRepos } from '../store/port';
import { toCertificateView, toEntryView, toEventView, toImportView } from './register-view-model';

/** A program that exists, or the failure naming the field. */
export async function programOrFail(r: ReadRepos, programId: number) {
  const program = await r.programs.byId(programId);
  if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
  return program;
}

/** A program's register in brief: how many entries, which imports made it, whether certificates are issued. */
export function registerSummary(store: BookStore, programId: number): Promise<RegisterSummaryView> {
  return store.read(async (r) => {
    await programOrFail(r, programId);
    const [entries, imports, issue] = await Promise.all([r.register.count(programId), r.register.imports(programId), r.certificates.issueOf(programId)]);
    return {
      programId,
      entries,
      imports: imports.map(toImportView),
      issued: issue !== undefined,
      issue: issue ? { issuedAt: issue.issuedAt, issuedBy: issue.issuedBy, certificates: issue.certificates, totals: issue.totals } : null,
    };
  });
}

/** A window of the register in (account, class) order: what the grid shows, a screenful at a time. */
export function registerEntries(store: BookStore, input: { programId: number; offset: number; limit: number }): Promise<RegisterEntriesView> {
  return store.read(async (r) => {
    await programOrFail(r, input.programId);
    const total = await r.register.count(input.programId);
    const rows = input.offset >= total ? [] : await r.register.entries(input.programId, { offset: input.offset, limit: input.limit });
    return { total, offset: input.offset, rows: rows.map(toEntryView) };
  });
}

/** A holder's page: every entry of the account (one per class), and its certificates with what happened to each. */
export function holderPage(store: BookStore, input: { programId: number; account: string }): Promise<HolderView> {
  return store.read(async (r) => {
    const program = await programOrFail(r, input.programId);
    const entries = await r.register.byAccount(input.programId, input.account);
    if (entries.length === 0) throw new DeskFailure('NOT_FOUND', `Account ${input.account} is not on the register of ${program.name}`, 'account');
    const certificates = await r.certificates.forAccount(input.programId, input.account);
    const withEvents = await Promise.all(certificates.map(async (c) => ({ ...toCertificateView(c), events: (await r.certificates.events(c.id)).map(toEventView) })));
    return { programId: program.id, programName: program.name, account: input.account, entries: entries.map(toEntryView), certificates: withEvents };
  });
}
