import { JobsSlot, useRunningJobs } from '../frame/jobs';
import { useStatus } from './StatusContext';

const PREFIX = { info: '', done: 'Done: ', problem: 'Problem: ' } as const;

/** The last result or problem, in words (screen readers hear it as it changes), and the running jobs. */
export function StatusLine() {
  const { current } = useStatus();
  const jobs = useRunningJobs();
  return (
    <footer className="status-line">
      <p role="status" aria-live="polite" className={current ? `status-${current.kind}` : undefined}>
        {current ? (
          <>
            {PREFIX[current.kind] ? <strong>{PREFIX[current.kind]}</strong> : null}
            {current.text}
          </>
        ) : (
          'Ready.'
        )}
      </p>
      <JobsSlot jobs={jobs} />
      <p className="status-keys">
        <kbd>F1</kbd> keys
      </p>
    </footer>
  );
}
