import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useNavigation } from '../../frame/navigation';
import { useDeskQuery } from '../../frame/query';
import type { PaymentsView as View } from '../../frame/routes';
import { BankFilePanel } from './BankFilePanel';
import { FindPayments } from './FindPayments';
import { LedgerPanel } from './LedgerPanel';
import { PaymentPanel } from './PaymentPanel';

const VIEWS: readonly { readonly view: View; readonly label: string }[] = [
  { view: 'find', label: 'Find and settle a payment' },
  { view: 'bank', label: 'Read a bank file' },
  { view: 'ledger', label: 'Escrow ledger (§6b)' },
];

/** One program's payments: a sub-navigation of three views, and a payment's page. */
export function PaymentsView({ user, programId, view, paymentId }: { user: SessionUser; programId: number; view: View; paymentId: number | undefined }) {
  const { navigate } = useNavigation();
  const program = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (paymentId === undefined && view !== 'find') heading.current?.focus();
  }, [programId, view, paymentId]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !(e.target instanceof HTMLElement) || e.target.tagName === 'SELECT') return;
    e.preventDefault();
    navigate(paymentId !== undefined ? { area: 'payments', programId, view: 'find' } : { area: 'payments' });
  };

  return (
    <div className="detail payments" onKeyDown={onKeyDown}>
      <h2 ref={heading} tabIndex={-1}>
        Payments: {program.data?.name ?? `program ${programId}`}
      </h2>
      <nav className="sub-nav" aria-label="Payments">
        {VIEWS.map((v) => (
          <button key={v.view} type="button" aria-current={paymentId === undefined && view === v.view ? 'page' : undefined} onClick={() => navigate({ area: 'payments', programId, view: v.view })}>
            {v.label}
          </button>
        ))}
      </nav>
      {paymentId !== undefined ? (
        <PaymentPanel paymentId={paymentId} maySplit={user.role !== 'clerk'} onBack={() => navigate({ area: 'payments', programId, view: 'find' })} />
      ) : view === 'bank' ? (
        <BankFilePanel user={user} programId={programId} />
      ) : view === 'ledger' ? (
        <LedgerPanel programId={programId} />
      ) : (
        <FindPayments programId={programId} onOpen={(id) => navigate({ area: 'payments', programId, view: 'find', paymentId: id })} />
      )}
      <div className="toolbar">
        <button type="button" onClick={() => navigate(paymentId !== undefined ? { area: 'payments', programId, view: 'find' } : { area: 'payments' })}>
          {paymentId !== undefined ? 'Back to the payments' : 'Choose another program'} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
