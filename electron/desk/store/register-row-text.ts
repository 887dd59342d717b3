/**
 * A checked register entry as one line of canonical text: the JSON of its values — every column
 * of PROVEN_TABLES.register_entries after id, program_id and import_id, in that order, each as
 * its row digest normalizes it (the encrypted TIN as hex) — without the enclosing brackets.
 *
 * The import makes this text once, as it checks the row (off the writing connection), keeps it
 * in its spill, and the bulk write both binds the values parsed from it and digests the text
 * itself (rowDigestOfJson): for an array of strings, integers and nulls JSON.stringify's text is
 * canonical, so the digest is exactly the one verify computes from the row as stored.
 * Pure: no driver, no file.
 */
import type { NewRegisterEntry } from './port-register';

/** Text made by registerRowText (and nothing else): the brand keeps other strings out of the bulk write. */
export type RegisterRowText = string & { readonly __registerRowText: true };

/** The columns the text holds, in order (checked against PROVEN_TABLES where the rows are written). */
export const REGISTER_ROW_TEXT_COLUMNS = [
  'line', 'account', 'class', 'registration1', 'registration2', 'registration3', 'registration4',
  'address1', 'address2', 'city', 'state', 'postal_code', 'country', 'tin_type', 'tin_last4', 'tin_encrypted', 'units', 'nominee', 'plan_shares',
] as const;

/** Where the encrypted TIN (hex) is among the text's values. */
export const TIN_AT = REGISTER_ROW_TEXT_COLUMNS.indexOf('tin_encrypted');

/** The entry's text; `sealed` is its encrypted TIN (given apart, so that a checked row need not be copied to hold it). */
export function registerRowText(e: Omit<NewRegisterEntry, 'tinEncrypted'>, sealed: Uint8Array | null): RegisterRowText {
  if (!Number.isSafeInteger(e.line)) throw new Error('A register entry\'s line is a whole number');
  const tin = sealed === null ? null : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength).toString('hex');
  const [r1, r2, r3, r4] = e.registration;
  const text = JSON.stringify([
    e.line, e.account, e.class, r1, r2, r3, r4, e.address1, e.address2, e.city, e.state, e.postalCode, e.country, e.tinType, e.tinLast4, tin, e.units, e.nominee, e.planShares,
  ]);
  return text.slice(1, -1) as RegisterRowText;
}

/**
 * The values of many texts as bound, in REGISTER_ROW_TEXT_COLUMNS order: one JSON.parse for the
 * lot, the TIN's hex turned back into its bytes.
 */
export function registerRowValues(texts: readonly RegisterRowText[]): unknown[][] {
  const rows = JSON.parse(`[[${texts.join('],[')}]]`) as unknown[][];
  if (rows.length !== texts.length) throw new Error('The checked rows do not read back one for one');
  for (const row of rows) {
    if (row.length !== REGISTER_ROW_TEXT_COLUMNS.length) throw new Error('A checked row does not have the register\'s columns');
    const tin = row[TIN_AT];
    if (tin === null) continue;
    const bytes = Buffer.from(tin as string, 'hex');
    if (bytes.length * 2 !== (tin as string).length) throw new Error('An encrypted TIN of a checked row is not hex');
    row[TIN_AT] = bytes;
  }
  return rows;
}
