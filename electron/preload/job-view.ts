import { JOB_KINDS, JOB_STATES, type JobKind, type JobState } from '../../shared/ipc/jobs';
import type { JobProgress, JobView } from '../../shared/ipc/types';

const isKind = (v: unknown): v is JobKind => typeof v === 'string' && Object.prototype.hasOwnProperty.call(JOB_KINDS, v);
const isState = (v: unknown): v is JobState => typeof v === 'string' && (JOB_STATES as readonly string[]).includes(v);
const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

function progressOf(v: unknown): JobProgress | null | undefined {
  if (v === null) return null;
  if (typeof v !== 'object') return undefined;
  const { done, total, unit } = v as Record<string, unknown>;
  const d = count(done);
  const t = count(total);
  if (d === null || t === null) return undefined;
  const u = unit === undefined ? undefined : text(unit, 40);
  if (u === null) return undefined;
  return Object.freeze(u === undefined ? { done: d, total: t } : { done: d, total: t, unit: u });
}

/**
 * A job as main sends it, rebuilt field by field so the page gets plain data of the right shape
 * only; `result` passes as structured-cloned data (the screen reads it by the job's kind).
 */
export function readJobView(value: unknown): JobView | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const jobId = count(v['jobId']);
  const label = text(v['label'], 200);
  const startedAt = text(v['startedAt'], 40);
  const progress = progressOf(v['progress']);
  if (jobId === null || !isKind(v['kind']) || !isState(v['state']) || label === null || startedAt === null || progress === undefined) return null;
  const finishedAt = v['finishedAt'] === null ? null : text(v['finishedAt'], 40);
  const startedBy = v['startedBy'] === null ? null : text(v['startedBy'], 80);
  if (finishedAt === null && v['finishedAt'] !== null) return null;
  if (startedBy === null && v['startedBy'] !== null) return null;
  const error = v['error'];
  let failure: JobView['error'];
  if (error !== undefined) {
    const { code, message } = (error ?? {}) as Record<string, unknown>;
    const c = text(code, 40);
    const m = text(message, 2000);
    if (c === null || m === null) return null;
    failure = Object.freeze({ code: c, message: m });
  }
  return Object.freeze({
    jobId,
    kind: v['kind'],
    label,
    state: v['state'],
    progress,
    startedAt,
    finishedAt,
    startedBy,
    ...(v['result'] === undefined ? {} : { result: v['result'] }),
    ...(failure === undefined ? {} : { error: failure }),
  });
}
