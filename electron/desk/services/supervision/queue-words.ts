// The queue's words for an item's kind, its §11 status and a decision's kind, as a supervisor reads them.
import type { ItemStatus } from './item-status';
import type { ProgramItem } from './program-items';

export const STATUS_WORDS: Readonly<Record<ItemStatus, string>> = {
  clean: 'Clean',
  open: 'Open',
  'awaiting-cure': 'Awaiting cure',
  'cure-arrived': 'Cure arrived',
  'cure-lapsed': 'Cure lapsed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn (corrected)',
};

export const ITEM_WORDS: Readonly<Record<ProgramItem['kind'], string>> = { form: 'Form', dtc: 'DTC instruction', 'odd-lot': 'Odd-lot order' };

export const DECISION_WORDS: Readonly<Record<string, string>> = { waive: 'Waived', 'allow-cure': 'Cure allowed', cured: 'Cured', reject: 'Rejected' };
