import { performance } from 'node:perf_hooks';
import type { JobRegistry } from '../../electron/desk/jobs/registry';
import type { JobView } from '../../shared/ipc/types';

/**
 * Runs a job to its end while a 5 ms ticker notes the longest gap between its ticks, and how
 * much CPU the main thread itself used in that gap: on a busy machine a long gap with little
 * CPU is the thread waiting for a core, not work that blocked it.
 */
export async function watchMain(jobs: JobRegistry, start: () => { jobId: number }): Promise<{ job: JobView; seconds: number; maxGapMs: number; cpuInGapMs: number }> {
  const cpuMs = (): number => {
    const { user, system } = process.threadCpuUsage();
    return (user + system) / 1000;
  };
  let last = performance.now();
  let lastCpu = cpuMs();
  let maxGap = 0;
  let cpuInGap = 0;
  const tick = (): void => {
    const t = performance.now();
    const cpu = cpuMs();
    if (t - last > maxGap) {
      maxGap = t - last;
      cpuInGap = cpu - lastCpu;
    }
    last = t;
    lastCpu = cpu;
  };
  const ticker = setInterval(tick, 5);
  const started = performance.now();
  const job = await jobs.whenFinished(start().jobId);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  tick();
  return { job, seconds: Math.round(seconds * 1000) / 1000, maxGapMs: Math.round(maxGap * 10) / 10, cpuInGapMs: Math.round(cpuInGap * 10) / 10 };
}
