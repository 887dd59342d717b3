import { useRef } from 'react';
import { useDeskQuery } from '../../../frame/query';
import { formatInstant } from '../../../lib/dates';
import { BatchFigures } from './BatchFigures';
import { BatchPrints } from './BatchPrints';
import { CloseBatchForm } from './CloseBatchForm';

/**
 * A batch's control section: the figures the clerk balances against the envelopes, whether the
 * batch balances (and what differs), closing it, and printing its report and confirmations.
 * The figures are refreshed after every change to the book (any item keyed, cleared or closed).
 */
export function BatchControlSection({ batchId }: { batchId: number }) {
  const control = useDeskQuery('batchControl.figures', { batchId }, { topics: ['journal'] });
  const reportButton = useRef<HTMLButtonElement>(null);
  // Once closed the form goes away: the focus moves on to what comes next, printing the report.
  const afterClose = async () => {
    await control.refetch();
    reportButton.current?.focus();
  };
  if (control.error) {
    return (
      <p className="form-problem" role="alert">
        {control.error.message}
      </p>
    );
  }
  const view = control.data;
  if (!view) return <p className="muted">Reading the batch…</p>;
  const balanced = view.figures.balanced;
  return (
    <section className="batch-control" aria-labelledby={`batch-control-${batchId}`}>
      <h2 id={`batch-control-${batchId}`}>
        Batch control: batch {view.batchId} — {view.label}, received {view.receiptDate}
      </h2>
      <p className="batch-state">{view.closed ? `Closed ${formatInstant(view.closed.at)}${view.closed.by ? ` by ${view.closed.by}` : ''}: it takes no more items.` : 'Open.'}</p>
      <p className={balanced ? 'batch-balance balanced' : 'batch-balance has-problem'} aria-live="polite">
        {balanced ? 'Balanced: every envelope’s keyed items equal its stated count.' : `Does not balance: ${view.differences.join('; ')}.`}
      </p>
      <BatchFigures view={view} />
      {view.closed ? null : <CloseBatchForm batchId={batchId} onClosed={() => void afterClose()} />}
      <BatchPrints view={view} reportButton={reportButton} />
    </section>
  );
}
