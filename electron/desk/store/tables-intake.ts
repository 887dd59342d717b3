// Row types of the intake tables (migration 11, store/schema-intake.ts), as Kysely sees them.
import type { Generated } from 'kysely';

export interface MailBatchesTable {
  id: Generated<number>;
  program_id: number;
  receipt_date: string;
  label: string;
  opened_at: string;
  opened_by: number;
}

export interface EnvelopesTable {
  id: Generated<number>;
  batch_id: number;
  seq: number;
  source: string;
  stamped_local: string;
  received_at: string;
  item_count: number;
  created_at: string;
  created_by: number;
}

export interface BatchClosingsTable {
  id: Generated<number>;
  batch_id: number;
  closed_at: string;
  closed_by: number;
  control: string;
}

export interface ElectionsTable {
  id: Generated<number>;
  program_id: number;
  batch_id: number;
  envelope_id: number;
  kind: string;
  certificate_id: number;
  basic_shares: number | null;
  oversubscription_shares: number;
  facts: string;
  voi_number: string | null;
  participant_number: string | null;
  participant_name: string | null;
  rights_surrendered: number | null;
  corrects_id: number | null;
  keyed_at: string;
  keyed_by: number;
}

export interface ElectionReversalsTable {
  id: Generated<number>;
  election_id: number;
  reason: string;
  reversed_at: string;
  reversed_by: number;
}

export interface NomineeCertificationLinesTable {
  id: Generated<number>;
  election_id: number;
  line: number;
  owner_reference: string;
  record_date_holding: number;
  basic_exercised: number;
  oversubscription_requested: number;
}

export interface GuaranteedDeliveriesTable {
  id: Generated<number>;
  program_id: number;
  election_id: number;
  institution: string;
  certificate_numbers: string;
  rights: number;
  due_date: string;
  keyed_at: string;
  keyed_by: number;
}

export interface GuaranteedDeliveryCoversTable {
  id: Generated<number>;
  notice_id: number;
  certificate_id: number;
  envelope_id: number;
  keyed_at: string;
  keyed_by: number;
}

export interface OddLotOrdersTable {
  id: Generated<number>;
  program_id: number;
  batch_id: number;
  envelope_id: number;
  entry_id: number;
  account: string;
  action: string;
  shares: number;
  ordered_at: string;
  order_date: string;
  order_price: string | null;
  keyed_at: string;
  keyed_by: number;
}

export interface PaymentsTable {
  id: Generated<number>;
  program_id: number;
  batch_id: number;
  envelope_id: number;
  election_id: number | null;
  odd_lot_order_id: number | null;
  method: string;
  amount: string;
  check_number: string | null;
  aba_routing: string | null;
  bank_account: string | null;
  payer: string;
  reference: string | null;
  keyed_at: string;
  keyed_by: number;
}

export interface PaymentAllocationsTable {
  id: Generated<number>;
  payment_id: number;
  election_id: number;
  amount: string;
  reason: string;
  allocated_at: string;
  allocated_by: number;
}

export interface BankLayoutsTable {
  id: Generated<number>;
  bank: string;
  name: string;
  version: number;
  spec: string;
  saved_at: string;
  saved_by: number;
}

export interface BankFilesTable {
  id: Generated<number>;
  program_id: number;
  bank: string;
  layout: string;
  file_name: string;
  file_sha256: string;
  lines: number;
  matched: number;
  unmatched: number;
  read_at: string;
  read_by: number;
}

export interface PaymentEventsTable {
  id: Generated<number>;
  payment_id: number;
  kind: string;
  business_date: string;
  reason: string | null;
  bank_file_id: number | null;
  at: string;
  created_by: number;
}

export interface LedgerEntriesTable {
  id: Generated<number>;
  program_id: number;
  kind: string;
  method: string;
  amount: string;
  business_date: string;
  payment_id: number | null;
  election_id: number | null;
  memo: string;
  at: string;
  created_by: number | null;
}

/** A payment withdrawn because it was keyed wrong; replaced_by: the payment keyed in its place (migration 20). */
export interface PaymentReversalsTable {
  id: Generated<number>;
  payment_id: number;
  replaced_by: number | null;
  reason: string;
  reversed_at: string;
  reversed_by: number;
}

export interface IntakeTables {
  mail_batches: MailBatchesTable;
  envelopes: EnvelopesTable;
  batch_closings: BatchClosingsTable;
  elections: ElectionsTable;
  election_reversals: ElectionReversalsTable;
  nominee_certification_lines: NomineeCertificationLinesTable;
  guaranteed_deliveries: GuaranteedDeliveriesTable;
  guaranteed_delivery_covers: GuaranteedDeliveryCoversTable;
  odd_lot_orders: OddLotOrdersTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  bank_layouts: BankLayoutsTable;
  bank_files: BankFilesTable;
  payment_events: PaymentEventsTable;
  ledger_entries: LedgerEntriesTable;
  // Migration 20 (schema-intake-fixes.ts).
  payment_reversals: PaymentReversalsTable;
}
