/**
 * Migration 11, intake: the mail log, keyed elections (forms and DTC instructions), nominee
 * certifications, guaranteed deliveries, odd-lot orders, payments, their clearance, bank files
 * and the escrow ledger. Written once for both stores: only column types, JSON checks and the
 * append-only triggers differ by dialect.
 *
 * Every table is append-only. What happens later to a row is a row of its own: a batch is closed
 * by a batch_closings row, an election is withdrawn from the count by an election_reversals row
 * (§4a: a saved election is never edited — a correction is a reversal plus a new election), a
 * payment clears or comes back by a payment_events row, every dollar moves by a ledger_entries row.
 * Money is fixed-scale decimal text with two decimals ("615.00"), never floating point; share
 * counts are integers; instants are UTC ISO text; receipt stamps are also kept as keyed (NY time).
 */

import { dialectSql, type Dialect } from './schema-dialect';

export const INTAKE_TABLES = [
  'mail_batches', 'envelopes', 'batch_closings', 'elections', 'election_reversals', 'nominee_certification_lines',
  'guaranteed_deliveries', 'guaranteed_delivery_covers', 'odd_lot_orders', 'payments', 'payment_allocations',
  'bank_layouts', 'bank_files', 'payment_events', 'ledger_entries',
] as const;

export function intakeSchemaSql(dialect: Dialect): string {
  const d = dialectSql(dialect);
  const amount = (c: string) => d.money(c, { positive: true });
  const { id, int, text } = d;
  return `
-- A batch of mail opened for one receipt date (YYYY-MM-DD, New York); closed by a batch_closings row.
CREATE TABLE mail_batches (
  id           ${id},
  program_id   ${int} NOT NULL REFERENCES programs (id),
  receipt_date ${text} NOT NULL,
  label        ${text} NOT NULL,
  opened_at    ${text} NOT NULL,
  opened_by    ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('mail_batches', 'mail log')}
CREATE INDEX mail_batches_by_program ON mail_batches (program_id, receipt_date);

-- One envelope (or call, or DTC delivery) of a batch: the time stamped on receipt, as keyed in
-- New York time (stamped_local 'YYYY-MM-DDTHH:mm') and as the instant it is (received_at, UTC).
CREATE TABLE envelopes (
  id            ${id},
  batch_id      ${int} NOT NULL REFERENCES mail_batches (id),
  seq           ${int} NOT NULL CHECK (seq >= 1),
  source        ${text} NOT NULL CHECK (source IN ('mail', 'courier', 'hand', 'phone', 'broker', 'dtc')),
  stamped_local ${text} NOT NULL,
  received_at   ${text} NOT NULL,
  item_count    ${int} NOT NULL CHECK (item_count >= 1),
  created_at    ${text} NOT NULL,
  created_by    ${int} NOT NULL REFERENCES users (id),
  UNIQUE (batch_id, seq)
);
${d.appendOnly('envelopes', 'mail log')}

-- A batch balanced and closed: its control totals (items, shares, amounts by method) as JSON.
CREATE TABLE batch_closings (
  id        ${id},
  batch_id  ${int} NOT NULL UNIQUE REFERENCES mail_batches (id),
  closed_at ${text} NOT NULL,
  closed_by ${int} NOT NULL REFERENCES users (id),
  control   ${text} NOT NULL CHECK (${d.json('control')})
);
${d.appendOnly('batch_closings', 'batch log')}

-- A keyed exercise unit: an election form on a certificate (kind 'form') or a nominee's DTC
-- instruction on its position (kind 'dtc': the nominee's certificate, with the VOI number, the
-- participant and the rights surrendered). facts: what the clerk keyed about signatures,
-- guarantees, forms (JSON; see services). corrects_id: the election this one corrects (§4a).
CREATE TABLE elections (
  id                     ${id},
  program_id             ${int} NOT NULL REFERENCES programs (id),
  batch_id               ${int} NOT NULL REFERENCES mail_batches (id),
  envelope_id            ${int} NOT NULL REFERENCES envelopes (id),
  kind                   ${text} NOT NULL CHECK (kind IN ('form', 'dtc')),
  certificate_id         ${int} NOT NULL REFERENCES certificates (id),
  basic_shares           ${int} CHECK (basic_shares IS NULL OR basic_shares >= 0),
  oversubscription_shares ${int} NOT NULL CHECK (oversubscription_shares >= 0),
  facts                  ${text} NOT NULL CHECK (${d.json('facts')}),
  voi_number             ${text},
  participant_number     ${text},
  participant_name       ${text},
  rights_surrendered     ${int} CHECK (rights_surrendered IS NULL OR rights_surrendered >= 0),
  corrects_id            ${int} REFERENCES elections (id),
  keyed_at               ${text} NOT NULL,
  keyed_by               ${int} NOT NULL REFERENCES users (id),
  CHECK ((kind = 'dtc') = (voi_number IS NOT NULL AND participant_number IS NOT NULL AND rights_surrendered IS NOT NULL)),
  UNIQUE (program_id, voi_number)
);
${d.appendOnly('elections', 'election record')}
CREATE INDEX elections_by_certificate ON elections (certificate_id);
CREATE INDEX elections_by_batch ON elections (batch_id);

-- An election withdrawn from the count (a correction's reversing entry), with its reason.
CREATE TABLE election_reversals (
  id          ${id},
  election_id ${int} NOT NULL UNIQUE REFERENCES elections (id),
  reason      ${text} NOT NULL CHECK (length(trim(reason)) > 0),
  reversed_at ${text} NOT NULL,
  reversed_by ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('election_reversals', 'election record')}

-- The Nominee Holder Certification keyed with a DTC instruction: one line per beneficial owner.
CREATE TABLE nominee_certification_lines (
  id                        ${id},
  election_id               ${int} NOT NULL REFERENCES elections (id),
  line                      ${int} NOT NULL CHECK (line >= 1),
  owner_reference           ${text} NOT NULL,
  record_date_holding       ${int} NOT NULL CHECK (record_date_holding >= 0),
  basic_exercised           ${int} NOT NULL CHECK (basic_exercised >= 0),
  oversubscription_requested ${int} NOT NULL CHECK (oversubscription_requested >= 0),
  UNIQUE (election_id, line)
);
${d.appendOnly('nominee_certification_lines', 'nominee certification')}

-- A Notice of Guaranteed Delivery (§5b, where the terms allow it) for an election keyed with it;
-- its certificates are due by due_date (the terms' cover period in business days).
CREATE TABLE guaranteed_deliveries (
  id                     ${id},
  program_id             ${int} NOT NULL REFERENCES programs (id),
  election_id            ${int} NOT NULL UNIQUE REFERENCES elections (id),
  institution            ${text} NOT NULL CHECK (length(trim(institution)) > 0),
  certificate_numbers    ${text} NOT NULL CHECK (${d.json('certificate_numbers')}),
  rights                 ${int} NOT NULL CHECK (rights >= 0),
  due_date               ${text} NOT NULL,
  keyed_at               ${text} NOT NULL,
  keyed_by               ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('guaranteed_deliveries', 'guaranteed delivery log')}

-- A certificate that arrived for a notice, in the envelope it came in.
CREATE TABLE guaranteed_delivery_covers (
  id             ${id},
  notice_id      ${int} NOT NULL REFERENCES guaranteed_deliveries (id),
  certificate_id ${int} NOT NULL REFERENCES certificates (id),
  envelope_id    ${int} NOT NULL REFERENCES envelopes (id),
  keyed_at       ${text} NOT NULL,
  keyed_by       ${int} NOT NULL REFERENCES users (id),
  UNIQUE (notice_id, certificate_id)
);
${d.appendOnly('guaranteed_delivery_covers', 'guaranteed delivery log')}

-- An odd-lot order: one per account (the notice gives no withdrawal privilege).
CREATE TABLE odd_lot_orders (
  id          ${id},
  program_id  ${int} NOT NULL REFERENCES programs (id),
  batch_id    ${int} NOT NULL REFERENCES mail_batches (id),
  envelope_id ${int} NOT NULL REFERENCES envelopes (id),
  entry_id    ${int} NOT NULL REFERENCES register_entries (id),
  account     ${text} NOT NULL,
  action      ${text} NOT NULL CHECK (action IN ('sell', 'buy-up')),
  shares      ${int} NOT NULL CHECK (shares >= 1),
  ordered_at  ${text} NOT NULL,
  order_date  ${text} NOT NULL,
  order_price ${text},
  keyed_at    ${text} NOT NULL,
  keyed_by    ${int} NOT NULL REFERENCES users (id),
  UNIQUE (program_id, account)
);
${d.appendOnly('odd_lot_orders', 'odd-lot order book')}

-- A payment as received: for one election or odd-lot order (a split is payment_allocations).
CREATE TABLE payments (
  id              ${id},
  program_id      ${int} NOT NULL REFERENCES programs (id),
  batch_id        ${int} NOT NULL REFERENCES mail_batches (id),
  envelope_id     ${int} NOT NULL REFERENCES envelopes (id),
  election_id     ${int} REFERENCES elections (id),
  odd_lot_order_id ${int} REFERENCES odd_lot_orders (id),
  method          ${text} NOT NULL CHECK (method IN ('check', 'certified-check', 'bank-draft', 'money-order', 'wire', 'dtc')),
  ${amount('amount')},
  check_number    ${text},
  aba_routing     ${text} CHECK (aba_routing IS NULL OR length(aba_routing) = 9),
  bank_account    ${text},
  payer           ${text} NOT NULL,
  reference       ${text},
  keyed_at        ${text} NOT NULL,
  keyed_by        ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('payments', 'payment record')}
CREATE INDEX payments_by_election ON payments (election_id);
CREATE INDEX payments_by_batch ON payments (batch_id);
CREATE INDEX payments_by_check ON payments (program_id, check_number);

-- A supervisor's split of one payment across elections; once split, the allocations apply it.
CREATE TABLE payment_allocations (
  id           ${id},
  payment_id   ${int} NOT NULL REFERENCES payments (id),
  election_id  ${int} NOT NULL REFERENCES elections (id),
  ${amount('amount')},
  reason       ${text} NOT NULL CHECK (length(trim(reason)) > 0),
  allocated_at ${text} NOT NULL,
  allocated_by ${int} NOT NULL REFERENCES users (id),
  UNIQUE (payment_id, election_id)
);
${d.appendOnly('payment_allocations', 'payment record')}

-- A bank's clearance file layout, saved per bank by name; saving again records a new version.
CREATE TABLE bank_layouts (
  id       ${id},
  bank     ${text} NOT NULL CHECK (length(trim(bank)) > 0),
  name     ${text} NOT NULL CHECK (length(trim(name)) > 0),
  version  ${int} NOT NULL CHECK (version >= 1),
  spec     ${text} NOT NULL CHECK (${d.json('spec')}),
  saved_at ${text} NOT NULL,
  saved_by ${int} NOT NULL REFERENCES users (id),
  UNIQUE (bank, name, version)
);
${d.appendOnly('bank_layouts', 'bank layout history')}

-- A bank file read for clearance: its SHA-256 and what matched.
CREATE TABLE bank_files (
  id          ${id},
  program_id  ${int} NOT NULL REFERENCES programs (id),
  bank        ${text} NOT NULL,
  layout      ${text} NOT NULL,
  file_name   ${text} NOT NULL,
  file_sha256 ${text} NOT NULL CHECK (length(file_sha256) = 64),
  lines       ${int} NOT NULL CHECK (lines >= 0),
  matched     ${int} NOT NULL CHECK (matched >= 0),
  unmatched   ${int} NOT NULL CHECK (unmatched >= 0),
  read_at     ${text} NOT NULL,
  read_by     ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('bank_files', 'bank file log')}

-- What happened to a payment after it was received: cleared, or returned unpaid (NSF, stopped).
CREATE TABLE payment_events (
  id            ${id},
  payment_id    ${int} NOT NULL REFERENCES payments (id),
  kind          ${text} NOT NULL CHECK (kind IN ('cleared', 'returned')),
  business_date ${text} NOT NULL,
  reason        ${text},
  bank_file_id  ${int} REFERENCES bank_files (id),
  at            ${text} NOT NULL,
  created_by    ${int} NOT NULL REFERENCES users (id),
  UNIQUE (payment_id, kind)
);
${d.appendOnly('payment_events', 'payment record')}

-- The escrow ledger (§6b): every dollar deposited, cleared, returned, refunded or paid to the
-- company, on the business day it happened; amounts positive, the kind says which way.
CREATE TABLE ledger_entries (
  id            ${id},
  program_id    ${int} NOT NULL REFERENCES programs (id),
  kind          ${text} NOT NULL CHECK (kind IN ('deposited', 'cleared', 'returned', 'refunded', 'paid-to-company')),
  method        ${text} NOT NULL,
  ${amount('amount')},
  business_date ${text} NOT NULL,
  payment_id    ${int} REFERENCES payments (id),
  election_id   ${int} REFERENCES elections (id),
  memo          ${text} NOT NULL,
  at            ${text} NOT NULL,
  created_by    ${int} REFERENCES users (id)
);
${d.appendOnly('ledger_entries', 'escrow ledger')}
CREATE INDEX ledger_entries_by_day ON ledger_entries (program_id, business_date);
CREATE INDEX ledger_entries_by_payment ON ledger_entries (payment_id);
`;
}
