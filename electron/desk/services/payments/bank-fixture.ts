/**
 * The bank layout the README documents, and the tests' and screens' example of one: First
 * National Escrow Bank's daily clearance file.
 */
import type { BankLayoutSpec } from '../../../../shared/ipc/payments';

export const FIXTURE_BANK = 'First National Escrow Bank';
export const FIXTURE_LAYOUT = 'daily clearance';

export const FIXTURE_BANK_LAYOUT: BankLayoutSpec = {
  delimiter: ',',
  dateFormat: 'MM/DD/YYYY',
  columns: { checkNumber: 'Check No', account: 'Account', amount: 'Amount', date: 'Posted', status: 'Status', returnReason: 'Return Reason', reference: 'Reference' },
  clearedWords: ['PAID', 'CLEARED', 'COLLECTED'],
  returnedWords: ['RETURNED', 'NSF'],
};

export const FIXTURE_HEADER = 'Check No,Account,Amount,Posted,Status,Return Reason,Reference';
