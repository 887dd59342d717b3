import type { DeskBridge } from '../../shared/ipc/bridge';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/bridge';
import { fail, type DeskResult } from '../../shared/ipc/result';
import { COMMAND_CHANNEL, INVOKE_CHANNEL } from './transport';

/** The slice of ipcRenderer the bridge needs; the page never sees it. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

/**
 * `window.desk`: forwards only the channels of the channel map (`channelNames`, i.e. CHANNEL_NAMES,
 * passed in so the preload need not carry the schemas) and only known menu commands.
 * Listeners get the command string alone, never the IPC event (whose `sender` is ipcRenderer).
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
    onCommand(listener) {
      const forward = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(COMMAND_CHANNEL, forward);
      return () => {
        ipc.removeListener(COMMAND_CHANNEL, forward);
      };
    },
  };
}
