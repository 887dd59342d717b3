/**
 * The kinds of long job the desk runs off the main thread (DESIGN rule 7), each with the words a
 * clerk sees in the status bar. Adding a kind is one entry here (then a starting channel and,
 * if it needs one, a worker entry). `holdsBook`: the job reads or replaces the whole book, so at
 * most one such job runs at a time (a restore must not swap the file under a backup's reader).
 */
export const JOB_KINDS = {
  'book.open': { label: 'Checking the book', holdsBook: true },
  'book.backup': { label: 'Backing up the book', holdsBook: true },
  'book.restore': { label: 'Restoring the book from a backup', holdsBook: true },
  'journal.verify': { label: 'Verifying the journal', holdsBook: true },
  // Writes the whole register in one change on its own connection: no restore may swap the book meanwhile.
  'register.import': { label: 'Importing a register', holdsBook: true },
  // Writes every certificate in one change on its own connection, like the import.
  'certificates.issue': { label: 'Issuing certificates', holdsBook: true },
  'certificates.print': { label: 'Printing certificates', holdsBook: false },
  'certificates.reprint': { label: 'Reprinting a certificate (DUPLICATE)', holdsBook: false },
  // One change for the whole file on a worker's own connection (the file parsed off the main thread).
  'payments.bankFile': { label: 'Reading a bank clearance file', holdsBook: false },
  // One change for the whole file on the worker's own connection: no restore may swap the book meanwhile.
  'dtc.import': { label: 'Importing a DTC instruction file', holdsBook: true },
  'lost.printReplacement': { label: 'Printing a replacement certificate and its cover letter', holdsBook: false },
  'batchControl.printReport': { label: 'Printing a batch control report', holdsBook: false },
  'batchControl.printConfirmations': { label: 'Printing the confirmations of a batch', holdsBook: false },
  'batchControl.printConfirmation': { label: 'Printing a confirmation', holdsBook: false },
  'letters.print': { label: 'Printing letters to holders', holdsBook: false },
  'reports.print': { label: 'Printing a Section 10 report', holdsBook: false },
} as const satisfies Record<string, { readonly label: string; readonly holdsBook: boolean }>;

export type JobKind = keyof typeof JOB_KINDS;

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
