import { useEffect, useRef } from 'react';
import { useDeskQuery } from '../../frame/query';
import { DailyPanel } from './DailyPanel';
import { FinalPanel } from './FinalPanel';
import { HoldersPanel } from './HoldersPanel';

/** One program's §10 reports: the daily report, the final certified report, the holder listing. Esc goes back to the programs. */
export function ReportsDesk({ programId, onBack }: { programId: number; onBack: () => void }) {
  const program = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => top.current?.querySelector<HTMLInputElement>('input')?.focus(), [program.data]);
  return (
    <div
      className="reports"
      ref={top}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <h2>Reports — {program.data?.name ?? `program ${programId}`}</h2>
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          Back to programs
        </button>
      </div>
      {program.data && program.data.kind !== 'rights-offering' ? (
        <p className="form-problem" role="alert">{program.data.name} is an odd-lot program; the §10 reports are those of a rights offering.</p>
      ) : (
        <>
          <DailyPanel programId={programId} />
          <FinalPanel programId={programId} />
          <HoldersPanel programId={programId} />
        </>
      )}
    </div>
  );
}
