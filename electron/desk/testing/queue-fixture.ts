/**
 * Test fixture for the supervisor's queue: the intake book, a second supervisor who keyed
 * nothing (four-eyes), and a way to key an irregular form as the clerk.
 */
import type { ElectionDraft } from '../../../shared/ipc/intake-forms';
import type { SessionUser } from '../../../shared/ipc/types';
import { createUser } from '../services/accounts';
import { saveElection } from '../services/intake/elections';
import { actorOf } from '../services/views';
import type { BookStore } from '../store/port';
import { batchAndEnvelope, cleanDraft, intakeBook, type IntakeBook } from './intake-fixture';

export interface QueueBook extends IntakeBook {
  /** A supervisor who keyed nothing: may decide what the clerk keyed. */
  readonly checker: SessionUser;
  readonly ids: { readonly batchId: number; readonly envelopeId: number };
}

export async function queueBook(store: BookStore): Promise<QueueBook> {
  const book = await intakeBook(store);
  const summary = await createUser(store, book.supervisor, { username: 'vera', displayName: 'Vera Checker', password: 'correct horse battery', role: 'supervisor' });
  const checker: SessionUser = { id: summary.id, username: summary.username, displayName: summary.displayName, role: summary.role };
  return { ...book, checker, ids: await batchAndEnvelope(store, book) };
}

/** Keys a form on `account` ("H-1003/A") for `basic` shares, `more` over a clean one; returns its election id. */
export async function keyForm(store: BookStore, book: QueueBook, account: string, basic: number | null, more: Partial<ElectionDraft> = {}, by: SessionUser = book.clerk, ids = book.ids): Promise<number> {
  const answer = await saveElection(store, actorOf(by), cleanDraft(ids, book.numbers.get(account)!, basic, more), true);
  if (!answer.saved) throw new Error(`form on ${account} was not saved`);
  return answer.electionId;
}
