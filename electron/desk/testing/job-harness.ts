// Helpers for channels that start a job: start it, wait for its end, and look at the outcome.
import { expect } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/channels';
import type { DeskErrorCode } from '../../../shared/ipc/result';
import type { JobResults, JobView } from '../../../shared/ipc/types';
import type { DeskFixture } from './desk-harness';

type JobChannel = 'book.backup' | 'book.restore' | 'journal.verify';

/** Starts the job and resolves with its final record. */
export async function finishedJob<C extends JobChannel>(f: DeskFixture, channel: C, input?: ChannelInput<C>): Promise<JobView> {
  const { jobId } = await f.value(channel, input);
  return f.desk.whenFinished(jobId);
}

/** Starts the job, expects it to end done, and returns its result. */
export async function jobValue<C extends JobChannel>(f: DeskFixture, channel: C, input?: ChannelInput<C>): Promise<JobResults[C]> {
  const job = await finishedJob(f, channel, input);
  if (job.state !== 'done') throw new Error(`${channel} ended ${job.state}: ${job.error?.code} ${job.error?.message}`);
  return job.result as JobResults[C];
}

/** Expects the job to be refused, whether at its start or when it ends; returns the error. */
export async function jobRefused(f: DeskFixture, channel: JobChannel, input: unknown, code: DeskErrorCode): Promise<{ code: string; message: string }> {
  const started = await f.desk.dispatch(channel, input);
  if (!started.ok) {
    expect(started.error.code).toBe(code);
    return started.error;
  }
  const job = await f.desk.whenFinished((started.value as { jobId: number }).jobId);
  expect(job.state, `${channel} should have failed with ${code}`).not.toBe('done');
  expect(job.error?.code).toBe(code);
  return job.error ?? { code: '', message: '' };
}
