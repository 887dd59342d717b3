/**
 * Migration 19, the supervisor desk (§10, §11): the company's decisions on irregular items
 * (waive a deficiency, allow a cure by a date, record a cure, reject), the refunds a rejection
 * schedules, and the letters sent to holders. Written once for both stores.
 *
 * Every table is append-only: a decision is never changed or withdrawn; a later decision on the
 * same item is a row of its own, and what stands is read from all of them in order.
 * An item is an election (a keyed form or a DTC instruction) or an odd-lot order.
 */
import { dialectSql, type Dialect } from './schema-dialect';

export const SUPERVISION_TABLES = ['decisions', 'scheduled_refunds', 'letters'] as const;

export function supervisionSchemaSql(dialect: Dialect): string {
  const d = dialectSql(dialect);
  const { id, int, text } = d;
  return `
-- One supervisor's decision on one item. codes: the deficiency codes it covers (JSON array of
-- text; a rejection names the open codes it rejects for). cure_by: the date a cure must arrive
-- by (New York calendar date), only for 'allow-cure'. The reason is required (§11).
CREATE TABLE decisions (
  id               ${id},
  program_id       ${int} NOT NULL REFERENCES programs (id),
  election_id      ${int} REFERENCES elections (id),
  odd_lot_order_id ${int} REFERENCES odd_lot_orders (id),
  kind             ${text} NOT NULL CHECK (kind IN ('waive', 'allow-cure', 'cured', 'reject')),
  codes            ${text} NOT NULL CHECK (${d.json('codes')}),
  cure_by          ${text} CHECK (cure_by IS NULL OR length(cure_by) = 10),
  reason           ${text} NOT NULL CHECK (length(trim(reason)) > 0),
  decided_at       ${text} NOT NULL,
  decided_by       ${int} NOT NULL REFERENCES users (id),
  CHECK ((election_id IS NULL) <> (odd_lot_order_id IS NULL)),
  CHECK ((kind = 'allow-cure') = (cure_by IS NOT NULL))
);
${d.appendOnly('decisions', 'decision record')}
CREATE INDEX decisions_by_program ON decisions (program_id);
CREATE INDEX decisions_by_election ON decisions (election_id);
CREATE INDEX decisions_by_order ON decisions (odd_lot_order_id);

-- Good funds a rejection schedules for refund (§4b, §11): paid later, after expiration, with the
-- refunds of the settlement; amount two-decimal text.
CREATE TABLE scheduled_refunds (
  id           ${id},
  program_id   ${int} NOT NULL REFERENCES programs (id),
  decision_id  ${int} NOT NULL UNIQUE REFERENCES decisions (id),
  election_id  ${int} REFERENCES elections (id),
  odd_lot_order_id ${int} REFERENCES odd_lot_orders (id),
  ${d.money('amount', { positive: true })},
  scheduled_at ${text} NOT NULL,
  scheduled_by ${int} NOT NULL REFERENCES users (id),
  CHECK ((election_id IS NULL) <> (odd_lot_order_id IS NULL))
);
${d.appendOnly('scheduled_refunds', 'refund schedule')}

-- A letter printed for a holder: a deficiency or cure letter, a rejection letter, the foreign
-- holder letter (§9, Exhibit D). file_sha256: the PDF as written; decision_id: the decision it
-- tells of, when there is one.
CREATE TABLE letters (
  id               ${id},
  program_id       ${int} NOT NULL REFERENCES programs (id),
  kind             ${text} NOT NULL CHECK (kind IN ('deficiency', 'cure', 'rejection', 'foreign-holder')),
  election_id      ${int} REFERENCES elections (id),
  odd_lot_order_id ${int} REFERENCES odd_lot_orders (id),
  certificate_id   ${int} REFERENCES certificates (id),
  decision_id      ${int} REFERENCES decisions (id),
  file_sha256      ${text} NOT NULL CHECK (length(file_sha256) = 64),
  printed_at       ${text} NOT NULL,
  printed_by       ${int} NOT NULL REFERENCES users (id)
);
${d.appendOnly('letters', 'letter log')}
CREATE INDEX letters_by_program ON letters (program_id);
`;
}
