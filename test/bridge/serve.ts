/**
 * Try the screens in an ordinary browser, without Electron:
 *   npx tsx test/bridge/serve.ts --book /tmp/try.book [--new] [--prefs /tmp/try-prefs.json] [--backups /tmp]
 * The book must exist unless --new asks for a fresh one (refused where a file exists).
 * Builds the renderer if needed, opens the book with the real services, and prints the URL.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureRendererBuilt } from './build-renderer';
import { DeskFailure } from '../../shared/ipc/result';
import { startBridge, type Bridge } from './server';

const { values } = parseArgs({
  options: {
    book: { type: 'string' },
    new: { type: 'boolean' },
    prefs: { type: 'string' },
    backups: { type: 'string' },
  },
});

if (!values.book) {
  console.error('Usage: npx tsx test/bridge/serve.ts --book FILE.book [--new] [--prefs FILE.json] [--backups DIR]');
  process.exit(2);
}

const bookPath = path.resolve(values.book);
await ensureRendererBuilt();
let bridge: Bridge;
try {
  bridge = await startBridge({
    bookPath,
    mode: values.new === true ? 'create' : 'open',
    prefsPath: path.resolve(values.prefs ?? `${bookPath}.prefs.json`),
    backupDir: path.resolve(values.backups ?? os.tmpdir()),
  });
} catch (error) {
  // A refused book (not a book, a newer schema, locked by another desk…) says why in its message:
  // that, and no stack trace, is what the person who typed the command reads.
  console.error(error instanceof DeskFailure ? error.message : `The test bridge could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`Offering Desk (test bridge) on ${bridge.url}`);
console.log(`Book: ${bookPath}. Press Ctrl+C to stop.`);

const stop = () => {
  void bridge.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
