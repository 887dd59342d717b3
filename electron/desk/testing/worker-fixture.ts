// A worker entry for run-job tests: does whatever its input asks, including misbehave.
import os from 'node:os';
import { serveJob } from '../workers/job-port';

export type FixtureInput = { readonly do: 'echo'; readonly value: number } | { readonly do: 'throw' } | { readonly do: 'spin' } | { readonly do: 'stuck' } | { readonly do: 'finish-anyway' } | { readonly do: 'exit' } | { readonly do: 'nice' };

serveJob<FixtureInput, number, number>((input, progress) => {
  switch (input.do) {
    case 'echo':
      for (let i = 1; i <= 3; i += 1) progress(i);
      return input.value * 2;
    case 'nice':
      // This thread's own nice value (Linux keeps one per thread).
      return os.getPriority(0);
    case 'throw':
      throw new Error('the disk is on fire');
    case 'exit':
      process.exit(3);
      break;
    case 'spin':
      // Busy for good, reporting as it goes: a cancel is noticed at a report.
      for (let i = 0; ; i += 1) if (i % 100_000 === 0) progress(i);
    case 'finish-anyway': {
      progress(1);
      // Its work is done (committed, say) before it reports again: a cancel meanwhile changes nothing.
      const until = Date.now() + 300;
      while (Date.now() < until) Math.sqrt(Math.random());
      return 7;
    }
    case 'stuck': {
      progress(0);
      // Busy for good and silent: only terminate() can end this thread.
      for (;;) Math.sqrt(Math.random());
    }
  }
  return 0;
});
