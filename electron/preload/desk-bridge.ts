import type { DeskBridge } from '../../shared/ipc/bridge';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/bridge';
import { fail, type DeskResult } from '../../shared/ipc/result';
import { isTopic, type ChangeNotice } from '../../shared/ipc/topics';
import { readJobView } from './job-view';
import { CHANGE_CHANNEL, COMMAND_CHANNEL, INVOKE_CHANNEL, JOB_CHANNEL } from './transport';

/** The slice of ipcRenderer the bridge needs; the page never sees it. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

/** A change notice as main sends it, rebuilt field by field so the page gets plain data of the right shape only. */
export function readChangeNotice(value: unknown): ChangeNotice | null {
  if (typeof value !== 'object' || value === null) return null;
  const { seq, action, topics } = value as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  if (typeof action !== 'string' || action.length === 0 || action.length > 100) return null;
  if (!Array.isArray(topics) || topics.length > 20 || !topics.every(isTopic)) return null;
  return Object.freeze({ seq, action, topics: Object.freeze([...topics]) });
}

/** Listens on one push channel, passing on only what `read` accepts; returns the unsubscribe. */
function listen<T>(ipc: RendererIpc, channel: string, read: (value: unknown) => T | null, listener: (value: T) => void): () => void {
  const forward = (_event: unknown, value: unknown): void => {
    const accepted = read(value);
    if (accepted !== null) listener(accepted);
  };
  ipc.on(channel, forward);
  return () => {
    ipc.removeListener(channel, forward);
  };
}

/**
 * `window.desk`: forwards only the channels of the channel map (`channelNames`, i.e. CHANNEL_NAMES,
 * passed in so the preload need not carry the schemas), only known menu commands and well-formed
 * change notices. Listeners get the command or notice alone, never the IPC event (whose `sender` is ipcRenderer).
 */
export function createDeskBridge(ipc: RendererIpc, channelNames: readonly string[]): DeskBridge {
  const allowed = new Set(channelNames);
  const invoke = async (channel: unknown, input: unknown): Promise<DeskResult<unknown>> => {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      return fail('UNKNOWN_CHANNEL', `There is no "${name}" in the desk.`);
    }
    try {
      return (await ipc.invoke(INVOKE_CHANNEL, channel, input)) as DeskResult<unknown>;
    } catch {
      // E.g. an argument the structured clone cannot carry, or main going away.
      return fail('INTERNAL', 'The desk did not answer. Try again; if it keeps happening, restart Offering Desk.');
    }
  };

  return {
    invoke: invoke as DeskBridge['invoke'],
    onCommand: (listener) => listen(ipc, COMMAND_CHANNEL, (c) => (isMenuCommand(c) ? c : null), listener),
    onChanged: (listener) => listen(ipc, CHANGE_CHANNEL, readChangeNotice, listener),
    onJob: (listener) => listen(ipc, JOB_CHANNEL, readJobView, listener),
  };
}
