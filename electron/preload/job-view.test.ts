import { describe, expect, it } from 'vitest';
import { readJobView } from './job-view';

const job = { jobId: 3, kind: 'book.backup', label: 'Backing up the book', state: 'running', progress: { done: 5, total: 10, unit: 'pages' }, startedAt: '2026-12-01T10:00:00.000Z', finishedAt: null, startedBy: 'sue' };

describe('readJobView', () => {
  it('passes a well-formed job on, frozen', () => {
    const read = readJobView(job);
    expect(read).toEqual(job);
    expect(Object.isFrozen(read)).toBe(true);
    expect(readJobView({ ...job, state: 'failed', finishedAt: '2026-12-01T10:00:01.000Z', error: { code: 'CONFLICT', message: 'busy' } })).toMatchObject({ error: { code: 'CONFLICT', message: 'busy' } });
  });

  it.each([
    ['a string', 'job'],
    ['an unknown kind', { ...job, kind: 'rm -rf' }],
    ['an unknown state', { ...job, state: 'exploded' }],
    ['a fractional id', { ...job, jobId: 1.5 }],
    ['negative progress', { ...job, progress: { done: -1, total: 10 } }],
    ['a huge label', { ...job, label: 'x'.repeat(500) }],
    ['an error without words', { ...job, error: { code: 'X' } }],
  ])('drops %s', (_what, value) => {
    expect(readJobView(value)).toBeNull();
  });
});
