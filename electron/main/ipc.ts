import { ipcMain, type BrowserWindow } from 'electron';
import type { Desk } from '../desk/desk';
import { fail } from '../../shared/ipc/result';
import { INVOKE_CHANNEL } from '../preload/transport';
import type { FileLog } from './file-log';
import { isTrustedSender } from './sender-check';

/**
 * The single IPC entry: main checks who is calling and forwards to the desk's handler table,
 * which validates the input and the role. Failures always come back as data.
 */
export function handleDeskCalls(desk: Desk, mainWindow: () => BrowserWindow | null, log: FileLog): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame, mainWindow())) {
      log.error(`refused a desk call from ${event.senderFrame?.url ?? 'a frame that is gone'} (channel ${describe(channel)})`);
      return fail('FORBIDDEN', 'This request did not come from the Offering Desk window.');
    }
    try {
      return await desk.dispatch(channel, input);
    } catch (error) {
      log.error(`desk call ${describe(channel)} failed unexpectedly`, error);
      return fail('INTERNAL', 'Something went wrong. The details are in the log file; please tell your supervisor.');
    }
  });
}

const describe = (channel: unknown): string => (typeof channel === 'string' ? channel.slice(0, 80) : typeof channel);
