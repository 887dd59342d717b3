/**
 * A background job's thread runs below the window's. A register import keeps two threads busy
 * (one checks the file, one writes the rows): on a 2-core workstation the main thread then waits
 * for a core like any other, and the window stutters (a 5 ms timer was late by 60 ms, against
 * 20 ms with one busy thread). At a lower priority the jobs give way to it at once.
 *
 * On Linux a thread's nice value is its own (setpriority(2): "under the current Linux/NPTL
 * implementation of POSIX threads, the nice value is a per-thread attribute"), so
 * os.setPriority(0, …) on the job's thread lowers that thread alone. On macOS and Windows the same
 * call would lower the whole application, the window with it: there it is left alone.
 */
import os from 'node:os';

/** The nice value a job's thread runs at (PRIORITY_BELOW_NORMAL): below the window's 0, above idle work. */
export const JOB_THREAD_NICE = os.constants.priority.PRIORITY_BELOW_NORMAL;

export function lowerThisThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    // Only ever lowered: a thread already below it (a desk started with `nice`) is left as it is.
    if (os.getPriority(0) < JOB_THREAD_NICE) os.setPriority(0, JOB_THREAD_NICE);
  } catch {
    // A sandbox may refuse it: the job then runs at the usual priority, only less smoothly for the window.
  }
}
