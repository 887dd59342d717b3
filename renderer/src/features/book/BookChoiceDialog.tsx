import type { BookInfo } from '../../../../shared/ipc/types';
import { Dialog } from '../../components/Dialog';
import { ConnectOfficeForm } from './ConnectOfficeForm';

/** The connect form over the desk, opened from the File menu while someone is signed in. */
export function BookChoiceDialog({ onBookChanged, onClose, signedIn = false }: { onBookChanged: (info: BookInfo) => void; onClose: () => void; signedIn?: boolean }) {
  return (
    <Dialog title="Office database" onClose={onClose} className="connect">
      {signedIn ? <p className="notice">Connecting signs you out of this book; what you have saved stays in it.</p> : null}
      <ConnectOfficeForm onClose={onClose} onConnected={onBookChanged} />
    </Dialog>
  );
}
