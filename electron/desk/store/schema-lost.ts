/**
 * Migration 18, lost, stolen, mutilated or destroyed certificates (§2c): the program's indemnity
 * settings (versioned), the cases with the affidavit of loss as received, the indemnity bonds
 * keyed for them, and what happens to a case later (bond approved, remains surrendered,
 * replaced, recovered, reported to the SEC) as events of their own. Written once for both stores.
 *
 * Every table is append-only. The certificate's own stop, cancellation and replacement are
 * certificate_events rows (migration 8): certificates are never updated.
 * Money is fixed-scale text with two decimals; rates and values per right are decimal text.
 * The affidavit never holds a full TIN: only the last four digits as the affidavit shows them
 * (the register holds the TIN, encrypted).
 */
import { dialectSql, type Dialect } from './schema-dialect';


export const LOST_TABLES = ['lost_settings', 'lost_cases', 'indemnity_bonds', 'lost_case_events'] as const;

export function lostSchemaSql(dialect: Dialect): string {
  const d = dialectSql(dialect);
  const { id, int, text } = d;
  return `
-- A program's indemnity settings, set by a supervisor; a change is a new version.
CREATE TABLE lost_settings (
  id              ${id},
  program_id      ${int} NOT NULL REFERENCES programs (id),
  version         ${int} NOT NULL CHECK (version >= 1),
  ${d.decimal('bond_rate', 6)},
  ${d.money('minimum_premium')},
  ${d.decimal('value_per_right', 6)},
  ${d.money('processing_fee')},
  reason          ${text} NOT NULL,
  set_at          ${text} NOT NULL,
  set_by          ${int} NOT NULL REFERENCES users (id),
  UNIQUE (program_id, version)
);
${d.appendOnly('lost_settings', 'indemnity settings')}

-- A case opened for one certificate; its stop is the certificate's 'stopped' event written with it.
CREATE TABLE lost_cases (
  id              ${id},
  program_id      ${int} NOT NULL REFERENCES programs (id),
  certificate_id  ${int} NOT NULL REFERENCES certificates (id),
  kind            ${text} NOT NULL CHECK (kind IN ('lost', 'stolen', 'destroyed', 'mutilated')),
  discovered_on   ${text} NOT NULL,
  circumstances   ${text} NOT NULL,
  police_report   ${text},
  affidavit       ${text} NOT NULL CHECK (${d.json('affidavit')}),
  opened_at       ${text} NOT NULL,
  opened_by       ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('lost_cases', 'lost certificate case file')}
CREATE INDEX lost_cases_by_certificate ON lost_cases (certificate_id);
CREATE INDEX lost_cases_by_program ON lost_cases (program_id);

-- An indemnity bond as keyed: the premium worked out from the settings of the day, and the money received.
CREATE TABLE indemnity_bonds (
  id               ${id},
  case_id          ${int} NOT NULL REFERENCES lost_cases (id),
  settings_id      ${int} NOT NULL REFERENCES lost_settings (id),
  stop_date        ${text} NOT NULL,
  rights           ${int} NOT NULL CHECK (rights >= 0),
  ${d.money('market_value')},
  ${d.money('premium')},
  ${d.money('processing_fee')},
  ${d.money('expenses')},
  ${d.money('payment_received')},
  surety           ${text} NOT NULL,
  bond_reference   ${text} NOT NULL,
  keyed_at         ${text} NOT NULL,
  keyed_by         ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('indemnity_bonds', 'indemnity bond record')}
CREATE INDEX indemnity_bonds_by_case ON indemnity_bonds (case_id);

-- What happens to a case later: one row each.
CREATE TABLE lost_case_events (
  id          ${id},
  case_id     ${int} NOT NULL REFERENCES lost_cases (id),
  kind        ${text} NOT NULL CHECK (kind IN ('bond-approved', 'remains-surrendered', 'replaced', 'recovered', 'sec-reported')),
  detail      ${text} NOT NULL CHECK (${d.json('detail')}),
  at          ${text} NOT NULL,
  created_by  ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('lost_case_events', 'lost certificate case file')}
CREATE INDEX lost_case_events_by_case ON lost_case_events (case_id);
`;
}
