import { AREA_IDS, type AreaId } from '../areas';
import type { Channel, ChannelInput, ChannelResult } from './channels';
import type { DeskResult } from './result';
import type { ChangeNotice } from './topics';
import type { JobView } from './types';

/** What the preload (or the test shim) puts on `window.desk`. */
export interface DeskBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<DeskResult<ChannelResult<C>>>;
  /** Menu commands and other pushes from main, e.g. 'menu:area:programs'. Returns an unsubscribe. */
  onCommand(listener: (command: string) => void): () => void;
  /** Each change committed to the book (by this desk or another on the same book), after commit. Returns an unsubscribe. */
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
  /** Each long job's start, progress and end (backup, restore, verification). Returns an unsubscribe. */
  onJob(listener: (job: JobView) => void): () => void;
}

const OTHER_COMMANDS = [
  'nav:back',
  'nav:forward',
  'find',
  'help:keys',
  'print',
  'session:lock',
  'session:signOut',
  // File ▸ Connect to an office database…: the screen shows the connect form.
  'book:connect',
] as const;

/** Menu and accelerator commands main may push to the renderer: one per area (from the area table), then the rest. */
export type MenuCommand = `area:${AreaId}` | (typeof OTHER_COMMANDS)[number];
export const MENU_COMMANDS: readonly MenuCommand[] = [...AREA_IDS.map((id) => `area:${id}` as const), ...OTHER_COMMANDS];
