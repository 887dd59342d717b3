import { useState } from 'react';
import type { BookInfo } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { BookChoiceDialog } from './BookChoiceDialog';

/** Lets the app open the connect form from the menu (File ▸ Connect to an office database…). */
export interface BookChoiceControl {
  readonly connecting?: boolean;
  readonly onConnectingChange?: (open: boolean) => void;
}

interface BookChoiceProps extends BookChoiceControl {
  /** The desk is on another book now: whoever was signed in is signed out; the screens start over. */
  readonly onBookChanged: (info: BookInfo) => void;
}

/** Open a book file… / Connect to an office database…: for a new workstation, and from the Book panel. */
export function BookChoice({ onBookChanged, connecting, onConnectingChange }: BookChoiceProps) {
  const call = useDesk();
  const status = useStatus();
  const [ownOpen, setOwnOpen] = useState(false);
  const open = connecting ?? ownOpen;
  const setOpen = onConnectingChange ?? setOwnOpen;

  const openFile = async () => {
    const result = await call('book.openFile', {});
    if (!result.ok) return status.report(result.error.code === 'CANCELLED' ? 'No other book was opened.' : result.error.message, result.error.code === 'CANCELLED' ? 'info' : 'problem');
    status.report(`Opened the book ${result.value.path}.`, 'done');
    onBookChanged(result.value);
  };

  return (
    <div className="toolbar book-choice">
      <button type="button" onClick={() => void openFile()}>
        Open a book file…
      </button>
      <button type="button" onClick={() => setOpen(true)}>
        Connect to an office database…
      </button>
      {open ? (
        <BookChoiceDialog
          onClose={() => setOpen(false)}
          onBookChanged={(info) => {
            setOpen(false);
            onBookChanged(info);
          }}
        />
      ) : null}
    </div>
  );
}
