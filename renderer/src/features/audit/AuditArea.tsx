import type { SessionUser } from '../../../../shared/ipc/types';
import { BookPanel } from './BookPanel';
import { JournalPanel } from './JournalPanel';

export function AuditArea({ user, onBookReplaced }: { user: SessionUser; onBookReplaced: () => void }) {
  return (
    <div className="audit">
      <JournalPanel />
      <BookPanel user={user} onBookReplaced={onBookReplaced} />
    </div>
  );
}
