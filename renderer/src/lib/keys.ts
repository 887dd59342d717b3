import type { MenuCommand } from '../../../shared/ipc/bridge';
import { MENU_COMMANDS } from '../../../shared/ipc/bridge';
import { AREAS } from './areas';

/** The parts of a KeyboardEvent the key map looks at. */
export interface KeyStroke {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly metaKey?: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

const digitOf = (stroke: KeyStroke): string | null => {
  // `code` survives keyboard layouts where Ctrl+1 does not produce the key "1".
  const fromCode = stroke.code ? /^(?:Digit|Numpad)(\d)$/.exec(stroke.code) : null;
  if (fromCode) return fromCode[1]!;
  return /^\d$/.test(stroke.key) ? stroke.key : null;
};

/**
 * The application-wide keys. `inField` is true when the focus is in a text field, where `/`
 * is an ordinary character.
 */
export function commandForKey(stroke: KeyStroke, inField: boolean): MenuCommand | null {
  const command = stroke.ctrlKey || stroke.metaKey === true;
  if (stroke.key === 'F1' && !command && !stroke.altKey) return 'help:keys';
  if (stroke.altKey && !command && !stroke.shiftKey && stroke.key === 'ArrowLeft') return 'nav:back';
  if (stroke.altKey && !command && !stroke.shiftKey && stroke.key === 'ArrowRight') return 'nav:forward';
  if (command && !stroke.altKey && !stroke.shiftKey) {
    const digit = digitOf(stroke);
    if (digit !== null) return AREAS.find((a) => a.digit === digit)?.command ?? null;
    switch (stroke.key.toLowerCase()) {
      case 'k':
        return 'find';
      case 'l':
        return 'session:lock';
      case 'p':
        return 'print';
    }
    return null;
  }
  if (stroke.key === '/' && !inField && !command && !stroke.altKey) return 'find';
  return null;
}

export const isMenuCommand = (name: string): name is MenuCommand => (MENU_COMMANDS as readonly string[]).includes(name);

/** The keys overlay (F1): what each key does, in the words shown to the clerk. */
export const KEY_HELP: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'Tab / Shift+Tab', does: 'Next / previous field' },
  { keys: 'Enter', does: 'Next field; on the last field, save' },
  { keys: 'Ctrl+Enter', does: 'Save from any field' },
  { keys: 'Space', does: 'Tick or clear a check box' },
  { keys: 'Alt+Insert / Alt+Delete', does: 'Add a row below / remove this row (tables in a form, e.g. classes of rights)' },
  { keys: 'Esc', does: 'Abandon the form or close a window (asks if something was keyed)' },
  { keys: 'Ctrl+K or /', does: 'Find a program by name or CUSIP' },
  { keys: '↑ / ↓, Page Up / Page Down, Home / End', does: 'Move in a list' },
  { keys: 'Letters (in a list)', does: 'Jump to the next row starting with them' },
  { keys: 'Enter (in a list)', does: 'Open the selected item' },
  ...AREAS.map((a) => ({ keys: `Ctrl+${a.digit}`, does: `Go to ${a.label} (where you left it)` })),
  { keys: 'Alt+← / Alt+→', does: 'Back / forward to where you were' },
  { keys: 'Tab (first, at the top)', does: 'Skip to content: past the menus to the area you are in' },
  { keys: 'Ctrl+L', does: 'Lock the screen' },
  { keys: 'Ctrl+P', does: 'Print what is on screen' },
  { keys: 'F1', does: 'Show or hide these keys' },
];
