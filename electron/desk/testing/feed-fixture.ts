// A fed worker entry for run-job tests (serveFeed): doubles each number main feeds it, one at a
// time, and returns their sum; 'wait' holds the first answer back (a cancel meanwhile), 'ask-twice'
// misuses next().
import { serveFeed } from '../workers/job-port';

export type FeedFixtureInput = { readonly do: 'double' } | { readonly do: 'ask-twice' };

serveFeed<FeedFixtureInput, number, number, number, number>(async (input, next, progress) => {
  if (input.do === 'ask-twice') {
    void next(undefined);
    await next(undefined);
  }
  let sum = 0;
  let finished: number | undefined;
  for (let item = await next(undefined); item !== undefined; item = await next(finished)) {
    finished = item * 2;
    sum += finished;
    progress(sum);
  }
  return sum;
});
