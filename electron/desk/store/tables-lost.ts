// Row types of the lost-certificate tables (migration 18, store/schema-lost.ts), as Kysely sees them.
import type { Generated } from 'kysely';

export interface LostSettingsTable {
  id: Generated<number>;
  program_id: number;
  version: number;
  bond_rate: string;
  minimum_premium: string;
  value_per_right: string;
  processing_fee: string;
  reason: string;
  set_at: string;
  set_by: number;
}

export interface LostCasesTable {
  id: Generated<number>;
  program_id: number;
  certificate_id: number;
  kind: string;
  discovered_on: string;
  circumstances: string;
  police_report: string | null;
  affidavit: string;
  opened_at: string;
  opened_by: number;
}

export interface IndemnityBondsTable {
  id: Generated<number>;
  case_id: number;
  settings_id: number;
  stop_date: string;
  rights: number;
  market_value: string;
  premium: string;
  processing_fee: string;
  expenses: string;
  payment_received: string;
  surety: string;
  bond_reference: string;
  keyed_at: string;
  keyed_by: number;
}

export interface LostCaseEventsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  detail: string;
  at: string;
  created_by: number;
}

export interface LostTables {
  lost_settings: LostSettingsTable;
  lost_cases: LostCasesTable;
  indemnity_bonds: IndemnityBondsTable;
  lost_case_events: LostCaseEventsTable;
}
