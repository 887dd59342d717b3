import type { Channel, ChannelInput, ChannelResult } from './channels';
import type { DeskResult } from './result';

/** What the preload (or the test shim) puts on `window.desk`. */
export interface DeskBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<DeskResult<ChannelResult<C>>>;
  /** Menu commands and other pushes from main, e.g. 'menu:area:programs'. Returns an unsubscribe. */
  onCommand(listener: (command: string) => void): () => void;
}

/** Menu and accelerator commands main may push to the renderer. */
export const MENU_COMMANDS = [
  'area:setup',
  'area:register',
  'area:certificates',
  'area:intake',
  'area:payments',
  'area:queue',
  'area:lost',
  'area:reports',
  'area:close',
  'area:audit',
  'find',
  'help:keys',
  'print',
  'session:lock',
  'session:signOut',
  // File ▸ Connect to an office database…: the screen shows the connect form.
  'book:connect',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
