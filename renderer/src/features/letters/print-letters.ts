import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput } from '../../../../shared/ipc/channels';
import type { LetterKindName, LettersPrintedView } from '../../../../shared/ipc/letters';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { useJobFinished } from '../../frame/jobs';
import { invalidateTopics } from '../../frame/query';

export const LETTER_WORDS: Readonly<Record<LetterKindName, string>> = {
  deficiency: 'deficiency letter',
  cure: 'cure letter',
  rejection: 'rejection letter',
  'foreign-holder': 'foreign-holder letter',
};

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The outcome of a finished run, in words: what was printed, how many pages, into which files. */
export function printedWords(what: string, r: LettersPrintedView): string {
  return `Printed ${what}: ${plural(r.letters, 'letter', 'letters')}, ${plural(r.pages, 'page', 'pages')}, in ${r.files.map((f) => f.fileName).join(', ')}.`;
}

/**
 * Starts a letters job (main's dialog chooses where it goes), waits for it, and says in the status
 * line how it ended; the job's progress and Cancel are on the status bar meanwhile.
 */
export function usePrintLetters(): { busy: boolean; print: (input: ChannelInput<'letters.print'>, what: string) => Promise<void> } {
  const call = useDesk();
  const status = useStatus();
  const finished = useJobFinished();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const print = async (input: ChannelInput<'letters.print'>, what: string) => {
    setBusy(true);
    try {
      const started = await call('letters.print', input);
      if (!started.ok) return status.report(started.error.message, started.error.code === 'CANCELLED' ? 'info' : 'problem');
      status.report(`Printing ${what}…`, 'info');
      const job = await finished(started.value.jobId);
      if (job.state !== 'done') return status.report(job.error?.message ?? `Printing was ${job.state}; no file was left behind and nothing was recorded.`, job.state === 'cancelled' ? 'info' : 'problem');
      await invalidateTopics(queryClient, ['letters']);
      status.report(printedWords(what, job.result as LettersPrintedView), 'done');
    } finally {
      setBusy(false);
    }
  };
  return { busy, print };
}
