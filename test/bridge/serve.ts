/**
 * Try the screens in an ordinary browser, without Electron:
 *   npx tsx test/bridge/serve.ts --book /tmp/try.book [--prefs /tmp/try-prefs.json] [--backups /tmp]
 * Builds the renderer if needed, opens the book with the real services, and prints the URL.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureRendererBuilt } from './build-renderer';
import { startBridge } from './server';

const { values } = parseArgs({
  options: {
    book: { type: 'string' },
    prefs: { type: 'string' },
    backups: { type: 'string' },
  },
});

if (!values.book) {
  console.error('Usage: npx tsx test/bridge/serve.ts --book FILE.book [--prefs FILE.json] [--backups DIR]');
  process.exit(2);
}

const bookPath = path.resolve(values.book);
await ensureRendererBuilt();
const bridge = await startBridge({
  bookPath,
  prefsPath: path.resolve(values.prefs ?? `${bookPath}.prefs.json`),
  backupDir: path.resolve(values.backups ?? os.tmpdir()),
});
console.log(`Offering Desk (test bridge) on ${bridge.url}`);
console.log(`Book: ${bookPath}. Press Ctrl+C to stop.`);

const stop = () => {
  void bridge.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
