import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder per test; removed by the returned cleanup. */
export function tempDir(prefix = 'desk-'): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * A clock that tests move by hand: the wall clock (`now`) and a monotonic one (`monotonic`, the
 * idle lock's) advance together; `setWallClock` moves only the wall clock, as a user changing
 * the system time would.
 */
export function fakeClock(start = '2026-03-02T14:00:00.000Z') {
  let t = new Date(start).getTime();
  let elapsed = 0;
  return {
    now: () => new Date(t),
    monotonic: () => elapsed,
    advanceMinutes: (m: number) => {
      t += m * 60_000;
      elapsed += m * 60_000;
    },
    setWallClock: (iso: string) => {
      t = new Date(iso).getTime();
    },
  };
}
