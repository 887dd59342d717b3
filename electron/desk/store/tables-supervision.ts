// Row types of the supervisor desk's tables (migration 19, store/schema-supervision.ts), as Kysely sees them.
import type { Generated } from 'kysely';

export interface DecisionsTable {
  id: Generated<number>;
  program_id: number;
  election_id: number | null;
  odd_lot_order_id: number | null;
  kind: string;
  codes: string;
  cure_by: string | null;
  reason: string;
  decided_at: string;
  decided_by: number;
}

export interface ScheduledRefundsTable {
  id: Generated<number>;
  program_id: number;
  decision_id: number;
  election_id: number | null;
  odd_lot_order_id: number | null;
  amount: string;
  scheduled_at: string;
  scheduled_by: number;
}

export interface LettersTable {
  id: Generated<number>;
  program_id: number;
  kind: string;
  election_id: number | null;
  odd_lot_order_id: number | null;
  certificate_id: number | null;
  decision_id: number | null;
  file_sha256: string;
  printed_at: string;
  printed_by: number;
}

export interface SupervisionTables {
  decisions: DecisionsTable;
  scheduled_refunds: ScheduledRefundsTable;
  letters: LettersTable;
}
