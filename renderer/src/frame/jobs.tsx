import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { JobView } from '../../../shared/ipc/types';
import { useDesk } from '../app/DeskContext';
import { getDesk } from '../desk';

/** A long job main runs (import, bulk print, close, backup, verify), as the status bar shows it. */
export interface RunningJob {
  readonly id: string;
  readonly label: string;
  /** 0…1 when known; null while main cannot tell yet. */
  readonly progress: number | null;
  readonly cancel?: () => void;
}

interface JobsState {
  readonly jobs: ReadonlyMap<number, JobView>;
  /** Resolves with the job's final record once main says it has finished. */
  finished(jobId: number): Promise<JobView>;
}

const JobsContext = createContext<JobsState | null>(null);
const isOver = (job: JobView): boolean => job.state !== 'running';

/**
 * Main's jobs as the window hears of them: what jobs.list said when someone signed in, then
 * every push (start, progress at most ~10 a second, end).
 */
export function JobsProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const call = useDesk();
  const [jobs, setJobs] = useState<ReadonlyMap<number, JobView>>(new Map());
  const waiting = useRef(new Map<number, ((job: JobView) => void)[]>());

  const hear = useCallback((job: JobView) => {
    setJobs((current) => new Map(current).set(job.jobId, job));
    if (!isOver(job)) return;
    for (const resolve of waiting.current.get(job.jobId) ?? []) resolve(job);
    waiting.current.delete(job.jobId);
  }, []);

  useEffect(() => getDesk()?.onJob(hear), [hear]);
  useEffect(() => {
    if (!signedIn) return;
    void call('jobs.list', {}).then((result) => {
      if (result.ok) for (const job of result.value) hear(job);
    });
  }, [call, hear, signedIn]);

  const jobsRef = useRef(jobs);
  jobsRef.current = jobs;
  const finished = useCallback((jobId: number) => {
    const known = jobsRef.current.get(jobId);
    if (known && isOver(known)) return Promise.resolve(known);
    return new Promise<JobView>((resolve) => {
      waiting.current.set(jobId, [...(waiting.current.get(jobId) ?? []), resolve]);
    });
  }, []);

  const value = useMemo(() => ({ jobs, finished }), [jobs, finished]);
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

/** Waits for a job the screen started (the channel answered `{ jobId }`). */
export function useJobFinished(): (jobId: number) => Promise<JobView> {
  const state = useContext(JobsContext);
  return useCallback((jobId: number) => state?.finished(jobId) ?? Promise.reject(new Error('No jobs provider')), [state]);
}

/** One job as main last told of it (its progress while it runs); undefined for none or an unknown id. */
export function useJobView(jobId: number | null): JobView | undefined {
  const state = useContext(JobsContext);
  return jobId === null ? undefined : state?.jobs.get(jobId);
}

/** The jobs running now, newest last, each with its progress and a way to cancel it. */
export function useRunningJobs(): readonly RunningJob[] {
  const state = useContext(JobsContext);
  const call = useDesk();
  return useMemo(
    () =>
      [...(state?.jobs.values() ?? [])]
        .filter((job) => job.state === 'running')
        .sort((a, b) => a.jobId - b.jobId)
        .map((job) => ({
          id: String(job.jobId),
          label: job.label,
          progress: job.progress && job.progress.total > 0 ? Math.min(1, job.progress.done / job.progress.total) : null,
          cancel: () => void call('jobs.cancel', { jobId: job.jobId }),
        })),
    [state, call],
  );
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
          {job.progress !== null ? <span className="jobs-percent">{percent(job.progress)}</span> : null}
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
