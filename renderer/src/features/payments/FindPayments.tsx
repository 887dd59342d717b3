import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { PAYMENT_STATUS_FILTERS, type PaymentView } from '../../../../shared/ipc/payments';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { useDeskQuery } from '../../frame/query';
import { normalizeMoney, plainDecimal } from '../../lib/amounts';
import { useDebounced } from '../../lib/useDebounced';
import { dollars, METHOD_LABELS, stateInWords } from './format';

const COLUMNS: readonly GridColumn<PaymentView>[] = [
  { id: 'number', header: 'Check no. / reference', cell: (p) => p.checkNumber ?? p.reference ?? '—', text: (p) => p.checkNumber ?? p.reference ?? '', className: 'code' },
  { id: 'method', header: 'Method', cell: (p) => METHOD_LABELS[p.method] },
  { id: 'amount', header: 'Amount', cell: (p) => dollars(p.amount), className: 'num' },
  { id: 'payer', header: 'Payer', cell: (p) => p.payer },
  { id: 'election', header: 'Election', cell: (p) => (p.allocations.length > 0 ? `split ${p.allocations.length} ways` : p.electionId !== null ? `#${p.electionId}` : '—') },
  { id: 'state', header: 'State', cell: (p) => stateInWords(p) },
];
const keyOf = (p: PaymentView) => p.id;

const STATUS_WORDS: Readonly<Record<(typeof PAYMENT_STATUS_FILTERS)[number], string>> = { any: 'Any state', received: 'Received, not settled', cleared: 'Cleared', returned: 'Returned' };

/** Whether the typed amount reads as money; the problem in words beside the field when not. */
function amountProblem(text: string): string | null {
  const plain = plainDecimal(text);
  if (plain === '') return null;
  return /^\d{1,13}(?:\.\d{1,2})?$/.test(plain) ? null : 'Amount: type dollars and cents, e.g. 615.00';
}

/** Find a payment by check number, amount or payer as typed; Enter goes to the list, Enter on a row opens it. */
export function FindPayments({ programId, onOpen }: { programId: number; onOpen: (paymentId: number) => void }) {
  const id = useId();
  const [checkNumber, setCheckNumber] = useState('');
  const [amount, setAmount] = useState('');
  const [payer, setPayer] = useState('');
  const [status, setStatus] = useState<(typeof PAYMENT_STATUS_FILTERS)[number]>('any');
  const first = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const problem = amountProblem(amount);
  const filter = useDebounced({ checkNumber: checkNumber.trim(), amount: problem ? '' : plainDecimal(amount), payer: payer.trim(), status }, 150);
  const input = { programId, status: filter.status, limit: 200, ...(filter.checkNumber ? { checkNumber: filter.checkNumber } : {}), ...(filter.amount ? { amount: filter.amount } : {}), ...(filter.payer ? { payer: filter.payer } : {}) };
  const found = useDeskQuery('payments.find', input, { topics: ['payments'], placeholderData: (previous) => previous });
  const source = useArraySource(found.data ?? [], keyOf);
  // Enter goes to the list of what is typed: a fast clerk's Enter can come before that list is
  // answered (the filter waits 150 ms, then main answers), so the move waits for it.
  const [listWanted, setListWanted] = useState(false);
  const answered = filter.checkNumber === checkNumber.trim() && filter.payer === payer.trim() && filter.status === status && filter.amount === (problem ? '' : plainDecimal(amount)) && found.data !== undefined && !found.isPlaceholderData;
  useEffect(() => {
    if (!listWanted || !(answered || found.error)) return;
    if (answered) grid.current?.focus(); // a refused search stays in the fields, its problem shown
    setListWanted(false);
  }, [listWanted, answered, found.error]);
  const toList = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && e.target instanceof HTMLElement && (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT')) {
      e.preventDefault();
      setListWanted(true);
    }
  };
  return (
    <section aria-label="Find a payment">
      <div className="filters" onKeyDown={toList}>
        <div className="field inline">
          <label htmlFor={`${id}-check`}>Check number</label>
          <input id={`${id}-check`} ref={first} value={checkNumber} onChange={(e) => setCheckNumber(e.target.value)} autoComplete="off" spellCheck={false} maxLength={20} />
        </div>
        <div className={problem ? 'field inline has-problem' : 'field inline'}>
          <label htmlFor={`${id}-amount`}>Amount</label>
          <input
            id={`${id}-amount`}
            value={amount}
            inputMode="decimal"
            onChange={(e) => setAmount(e.target.value)}
            onBlur={() => setAmount((a) => (amountProblem(a) ? a : normalizeMoney(a)))}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-amount-problem` : undefined}
            autoComplete="off"
          />
          {problem ? (
            <span id={`${id}-amount-problem`} className="field-problem" role="alert">
              {problem}
            </span>
          ) : null}
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-payer`}>Payer</label>
          <input id={`${id}-payer`} value={payer} onChange={(e) => setPayer(e.target.value)} autoComplete="off" spellCheck={false} maxLength={100} />
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-status`}>State</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {PAYMENT_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted">Type what is on the check; Enter goes to the list, arrows move, Enter opens a payment to clear or return it.</p>
      {found.error ? (
        <p className="form-problem" role="alert">
          {found.error.message}
        </p>
      ) : null}
      {found.data ? <Grid ref={grid} label="Payments found" columns={COLUMNS} source={source} onOpen={(p) => onOpen(p.id)} emptyText="No payment matches what is typed." /> : null}
    </section>
  );
}
