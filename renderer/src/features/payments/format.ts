import type { PaymentMethodName, PaymentStatusName, PaymentView } from '../../../../shared/ipc/payments';
import { groupDecimal } from '../register/format';

/** Two-decimal text as dollars with thousands grouped: "1234.50" → "$1,234.50" (never through a float). */
export const dollars = (amount: string): string => (amount.startsWith('-') ? `-$${groupDecimal(amount.slice(1))}` : `$${groupDecimal(amount)}`);

export const METHOD_LABELS: Readonly<Record<PaymentMethodName, string>> = {
  check: 'Check',
  'certified-check': 'Certified check',
  'bank-draft': 'Bank draft',
  'money-order': 'Money order',
  wire: 'Wire',
  dtc: 'DTC settlement',
};

export const STATUS_LABELS: Readonly<Record<PaymentStatusName, string>> = { received: 'Received', cleared: 'Cleared', returned: 'Returned' };

/** The state in words, with whether it is good funds (§6a): colour is never the only signal. */
export function stateInWords(p: Pick<PaymentView, 'status' | 'goodFunds' | 'clears' | 'statusDate' | 'returnReason'>): string {
  if (p.status === 'returned') return `Returned${p.statusDate ? ` ${p.statusDate}` : ''}${p.returnReason ? ` (${p.returnReason})` : ''}: never good funds`;
  if (p.status === 'cleared') return `Cleared${p.statusDate ? ` ${p.statusDate}` : ''}: good funds`;
  return p.clears ? 'Received: not yet good funds (uncleared)' : 'Received: good funds on receipt';
}
