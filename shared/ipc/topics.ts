/**
 * What main announces after a committed change, so that screens refresh what they show.
 * A topic names a kind of data; a query that reads it is refreshed when the topic is announced.
 */
export const TOPICS = ['journal', 'programs', 'terms', 'users', 'book', 'holders', 'register', 'certificates', 'intake', 'payments', 'lost', 'letters'] as const;
export type Topic = (typeof TOPICS)[number];

/** One committed change, as every desk on the same book hears of it. */
export interface ChangeNotice {
  /** The journal entry the change appended. */
  readonly seq: number;
  readonly action: string;
  readonly topics: readonly Topic[];
}

/** The first segment of an action names what it changed ('program.created' → programs). */
const BY_PREFIX: Readonly<Record<string, readonly Topic[]>> = {
  program: ['programs'],
  terms: ['terms', 'programs'],
  user: ['users'],
  session: ['users'],
  book: ['book'],
  holders: ['holders'],
  register: ['register'],
  // A certificate's event (printed, reprinted) or an issue changes what the register screens show too.
  certificate: ['certificates'],
  certificates: ['certificates', 'register'],
  // The mail log and keyed items; an election keyed with its payments (and their deposits) changes
  // the payments and the ledger too.
  intake: ['intake', 'payments'],
  election: ['intake', 'payments'],
  // A payment cleared, returned or split, a bank file read, a layout saved: the Payments area's
  // lists and the ledger, and the verdicts of the elections it pays for.
  payment: ['payments', 'intake'],
  payments: ['payments', 'intake'],
  // A case stops, cancels or replaces certificates: the certificate screens change with it.
  lost: ['lost', 'certificates', 'register'],
  // A supervisor's decision on an item changes where it stands in the intake lists.
  decision: ['intake'],
  // A letter printed: the letters lists, and what each item's page says was sent.
  letters: ['letters', 'intake'],
};

/** Every change touches the journal; the rest follows from the action's prefix. */
export function topicsOf(action: string): Topic[] {
  // Another book took this one's place: everything on screen is stale.
  if (action === 'book.restored' || action === 'book.replaced') return [...TOPICS];
  const prefix = action.split('.', 1)[0] ?? '';
  return ['journal', ...(BY_PREFIX[prefix] ?? [])];
}

export const isTopic = (value: unknown): value is Topic => typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
