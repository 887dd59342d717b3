// How long main's event loop was held up while some work ran: a timer is set to fire every
// `everyMs`, and the longest time between two of its firings (or from the start to the first, or
// from the last to the end) is what a window waiting on main would have felt as a freeze.
import { performance } from 'node:perf_hooks';

export async function longestGapWhile<T>(work: () => Promise<T>, everyMs: number): Promise<{ value: T; longestGapMs: number; ticks: number }> {
  let last = performance.now();
  let longest = 0;
  let ticks = 0;
  const note = (): void => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
  };
  const timer = setInterval(() => {
    ticks += 1;
    note();
  }, everyMs);
  try {
    const value = await work();
    note();
    return { value, longestGapMs: longest, ticks };
  } finally {
    clearInterval(timer);
  }
}
