/** A long job main runs (import, bulk print, close, backup, verify), as the status bar shows it. */
export interface RunningJob {
  readonly id: string;
  readonly label: string;
  /** 0…1 when known; null while main cannot tell yet. */
  readonly progress: number | null;
  readonly cancel?: () => void;
}

const NO_JOBS: readonly RunningJob[] = [];

/**
 * The jobs running now. Main's jobs channel (jobs.*, progress pushed) is not there yet; this hook
 * is where it plugs in, and the status bar already shows whatever it returns.
 */
export function useRunningJobs(): readonly RunningJob[] {
  return NO_JOBS;
}

const percent = (p: number): string => `${Math.floor(p * 100)}%`;

/** The running jobs with their progress and a Cancel button each; nothing when none runs. */
export function JobsSlot({ jobs }: { jobs: readonly RunningJob[] }) {
  if (jobs.length === 0) return null;
  return (
    <ul className="jobs" aria-label="Running jobs">
      {jobs.map((job) => (
        <li key={job.id}>
          <span>{job.label}</span>
          <progress max={1} value={job.progress ?? undefined} aria-label={`${job.label}: progress`}>
            {job.progress === null ? 'working' : percent(job.progress)}
          </progress>
          {job.cancel ? (
            <button type="button" onClick={job.cancel}>
              Cancel <span className="visually-hidden">{job.label}</span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
