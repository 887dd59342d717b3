// A child of certificates-pdf.bench.ts: makes its book (the XO program, a register of
// PDF_SETUP_ENTRIES entries, the certificates issued) at PDF_SETUP_BOOK and its worker bundles in
// PDF_SETUP_BUNDLE, in a process of its own, so that the bench's process starts printing with
// what an application holds — not with the memory the making of a register left it.
// Prints the program's id and the supervisor as JSON.
import { buildElectron } from '../../.config/build-electron';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { manyEntries, xoBookWithRegister } from '../../electron/desk/testing/xo-register-fixture';

await buildElectron(process.env['PDF_SETUP_BUNDLE']!, { quiet: true });
const store = await openStore(process.env['PDF_SETUP_BOOK']!, { now: () => new Date() });
const book = await xoBookWithRegister(store, manyEntries(Number(process.env['PDF_SETUP_ENTRIES'])));
await issueCertificates(store, actorOf(book.supervisor), book.programId);
await store.close();
process.stdout.write(`${JSON.stringify(book)}\n`);
