// The desk's long jobs (DESIGN rule 7): a starting channel hands its work to `start`, answers
// { jobId } at once, and the window follows the job through `onJob` pushes and jobs.list.
// The work itself runs in a worker (or, for network-bound work, in slices); the registry only
// keeps the record, throttles progress, and aborts through an AbortSignal on cancel.
import { performance } from 'node:perf_hooks';
import { JOB_KINDS, type JobKind } from '../../../shared/ipc/jobs';
import { DeskFailure } from '../../../shared/ipc/result';
import type { JobProgress, JobStarted, JobView } from '../../../shared/ipc/types';

/** What a job's body gets: abort means stop and leave everything as it was. */
export interface JobContext {
  readonly signal: AbortSignal;
  readonly onProgress: (progress: JobProgress) => void;
}

export type JobBody<T> = (job: JobContext) => Promise<T>;

/** Who starts a job; null for the desk itself (the check of the book as it opens). */
export type JobStarter = { readonly id: number; readonly username: string } | null;

export interface JobRegistryOptions {
  readonly now: () => Date;
  /** An unexpected failure: logged, and the job shows the returned plain message instead. */
  readonly unexpected: (error: unknown, kind: JobKind) => string;
  /** Progress pushes per job at most once per this many ms (state changes are pushed at once). */
  readonly throttleMs?: number;
  /** Finished jobs are listed for this long, and at most this many of them. */
  readonly keepFinishedMs?: number;
  readonly keepFinished?: number;
}

interface Entry {
  view: JobView;
  readonly startedById: number | null;
  readonly controller: AbortController;
  settled: Promise<JobView> | null;
  lastPush: number;
  timer: NodeJS.Timeout | null;
}

export class JobRegistry {
  private nextId = 1;
  private readonly jobs = new Map<number, Entry>();
  private readonly listeners = new Set<(job: JobView) => void>();
  private readonly throttleMs: number;

  constructor(private readonly options: JobRegistryOptions) {
    this.throttleMs = options.throttleMs ?? 100;
  }

  /**
   * Starts `body` and returns its id at once. A job that holds the book is refused (CONFLICT,
   * in words) while another one runs: checked and recorded in one synchronous step, so two
   * starts cannot both pass.
   */
  start<T>(kind: JobKind, by: JobStarter, body: JobBody<T>): JobStarted {
    this.checkCanStart(kind);
    this.prune();
    const jobId = this.nextId++;
    const controller = new AbortController();
    const view: JobView = {
      jobId,
      kind,
      label: JOB_KINDS[kind].label,
      state: 'running',
      progress: null,
      startedAt: this.options.now().toISOString(),
      finishedAt: null,
      startedBy: by?.username ?? null,
    };
    const entry: Entry = { view, startedById: by?.id ?? null, controller, settled: null, lastPush: -Infinity, timer: null };
    this.jobs.set(jobId, entry);
    this.push(entry);
    entry.lastPush = -Infinity; // the first progress report is pushed at once, then at most ~10 a second
    // The body starts now, so an abort from here on reaches it through its signal.
    let running: Promise<T>;
    try {
      running = body({ signal: controller.signal, onProgress: (p) => this.progress(entry, p) });
    } catch (error) {
      running = Promise.reject(error);
    }
    entry.settled = running.then(
      (result) => this.finish(entry, { state: 'done', result }),
      (error: unknown) => this.finish(entry, this.failure(kind, error, controller.signal.aborted)),
    );
    return { jobId };
  }

  /** Throws what `start` would for this kind now (CONFLICT while another book-holding job runs). */
  checkCanStart(kind: JobKind): void {
    if (!JOB_KINDS[kind].holdsBook) return;
    const busy = [...this.jobs.values()].find((e) => e.view.state === 'running' && JOB_KINDS[e.view.kind].holdsBook);
    if (busy) {
      throw new DeskFailure('CONFLICT', `Another job that holds the whole book is already running (${busy.view.label}); try again when it has finished`);
    }
  }

  /**
   * Asks a running job to stop; a finished one is answered as it is. The starter may cancel their
   * own job, `mayCancelAny` (a supervisor or administrator) anyone's; without `who`, the desk itself asks.
   */
  cancel(jobId: number, who?: { readonly id: number; readonly mayCancelAny: boolean }): JobView {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new DeskFailure('NOT_FOUND', 'There is no such job (it may have finished a while ago)');
    if (who !== undefined && !who.mayCancelAny && entry.startedById !== who.id) {
      throw new DeskFailure('FORBIDDEN', 'Only the person who started this job, a supervisor or an administrator may cancel it');
    }
    if (entry.view.state === 'running') entry.controller.abort();
    return entry.view;
  }

  /** The jobs of this desk, newest first: every running one, and finished ones for a while. */
  list(): JobView[] {
    this.prune();
    return [...this.jobs.values()].map((e) => e.view).sort((a, b) => b.jobId - a.jobId);
  }

  get(jobId: number): JobView | undefined {
    return this.jobs.get(jobId)?.view;
  }

  /** Resolves with the job's final record once it has finished, whichever way (never rejects). */
  whenFinished(jobId: number): Promise<JobView> {
    const entry = this.jobs.get(jobId);
    if (!entry?.settled) return Promise.reject(new DeskFailure('NOT_FOUND', 'There is no such job'));
    return entry.settled;
  }

  /** Hears every job's start, progress (at most ~10 a second per job) and end. Returns an unsubscribe. */
  onJob(listener: (job: JobView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels every running job and waits until each has stopped (the desk closing). */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((e) => e.view.state === 'running');
    for (const entry of running) entry.controller.abort();
    await Promise.all(running.map((e) => e.settled));
  }

  private progress(entry: Entry, progress: JobProgress): void {
    if (entry.view.state !== 'running') return;
    entry.view = { ...entry.view, progress };
    const wait = entry.lastPush + this.throttleMs - performance.now();
    if (wait <= 0) this.push(entry);
    else entry.timer ??= setTimeout(() => this.push(entry), wait);
  }

  private failure(kind: JobKind, error: unknown, aborted: boolean): Pick<JobView, 'state' | 'error'> {
    const known = error instanceof DeskFailure;
    if (aborted || (known && error.code === 'CANCELLED')) {
      return { state: 'cancelled', error: { code: 'CANCELLED', message: known ? error.message : 'The job was cancelled.' } };
    }
    if (known) return { state: 'failed', error: { code: error.code, message: error.message } };
    return { state: 'failed', error: { code: 'INTERNAL', message: this.options.unexpected(error, kind) } };
  }

  private finish(entry: Entry, outcome: Pick<JobView, 'state' | 'result' | 'error'>): JobView {
    entry.view = { ...entry.view, ...outcome, finishedAt: this.options.now().toISOString() };
    this.push(entry);
    return entry.view;
  }

  private push(entry: Entry): void {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    entry.lastPush = performance.now();
    for (const listener of this.listeners) {
      try {
        listener(entry.view);
      } catch (error) {
        this.options.unexpected(error, entry.view.kind);
      }
    }
  }

  private prune(): void {
    const keepMs = this.options.keepFinishedMs ?? 60 * 60_000;
    const cutoff = this.options.now().getTime() - keepMs;
    const finished = [...this.jobs.values()].filter((e) => e.view.finishedAt !== null).sort((a, b) => b.view.jobId - a.view.jobId);
    finished.forEach((e, index) => {
      if (index >= (this.options.keepFinished ?? 50) || Date.parse(e.view.finishedAt ?? '') < cutoff) this.jobs.delete(e.view.jobId);
    });
  }
}
