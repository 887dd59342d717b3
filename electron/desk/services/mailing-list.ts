/**
 * The mailing list for the mail house (contracts/REGISTER.md): every certificate in number order
 * with its registration and address, streamed a page at a time; and the §9 list of certificates
 * held, not mailed, each with the letter its holder gets instead.
 */
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore, CertificateRecord, RegisterEntryRecord } from '../store/port';
import { rightsProgram } from './certificates';
import { certificatesWithEntries } from './certificate-faces';

export const MAILING_COLUMNS = [
  'number', 'class', 'account', 'registration1', 'registration2', 'registration3', 'registration4',
  'address1', 'address2', 'city', 'state', 'postal_code', 'country', 'firm_rights', 'units', 'held',
] as const;

/** Rows read per step. */
const PAGE = 2_000;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`;

export function mailingRow(c: CertificateRecord, e: RegisterEntryRecord): string[] {
  return [c.number, c.class, c.account, ...e.registration, e.address1, e.address2, e.city, e.state, e.postalCode, e.country, String(c.firmRights), c.units, c.held ? 'Y' : 'N'];
}

export interface MailingPage {
  readonly rows: readonly { readonly certificate: CertificateRecord; readonly entry: RegisterEntryRecord }[];
}

/** The issued program's certificates with their entries, a page at a time; refused before the issue. */
export async function* mailingPages(store: BookStore, programId: number, options: { heldOnly?: boolean } = {}): AsyncGenerator<MailingPage> {
  await store.read(async (r) => {
    const { program } = await rightsProgram(r, programId);
    if (!(await r.certificates.issueOf(programId))) throw new DeskFailure('CONFLICT', `No certificates have been issued for ${program.name} yet: issue them first`, 'programId');
  });
  let after = 0;
  for (;;) {
    const rows = await store.read((r) => certificatesWithEntries(r, programId, options.heldOnly === true ? { heldOnly: true } : {}, after, PAGE));
    if (rows.length === 0) return;
    yield { rows };
    after = rows[rows.length - 1]?.certificate.seq ?? after;
  }
}

/** The mailing list as CSV text, header first, a page of lines at a time (CRLF line ends, UTF-8). */
export async function* mailingListCsv(store: BookStore, programId: number): AsyncGenerator<string> {
  const pages = mailingPages(store, programId);
  let first = true;
  for await (const page of pages) {
    const lines = page.rows.map(({ certificate, entry }) => csvLine(mailingRow(certificate, entry)));
    yield (first ? csvLine(MAILING_COLUMNS) : '') + lines.join('');
    first = false;
  }
  if (first) yield csvLine(MAILING_COLUMNS);
}

/** §9 Exhibit D: what goes to a holder outside the United States instead of the certificate. */
export const HELD_LETTER = {
  code: 'EXHIBIT_D',
  words: 'Exhibit D letter (§9), with the Prospectus: the certificate is held by the agent; the holder instructs and pays before expiration',
} as const;

export interface HeldCertificate {
  readonly certificateId: number;
  readonly number: string;
  readonly class: string;
  readonly account: string;
  readonly name: string;
  readonly country: string;
  readonly firmRights: number;
  readonly letter: typeof HELD_LETTER;
}

/** The held certificates after sequence `afterSeq`, each naming the letter it needs. */
export async function heldCertificates(store: BookStore, programId: number, afterSeq: number, limit: number): Promise<{ total: number; rows: HeldCertificate[] }> {
  return store.read(async (r) => {
    await rightsProgram(r, programId);
    const total = await r.certificates.count(programId, { heldOnly: true });
    const rows = (await certificatesWithEntries(r, programId, { heldOnly: true }, afterSeq, limit)).map(({ certificate: c, entry: e }) => ({
      certificateId: c.id,
      number: c.number,
      class: c.class,
      account: c.account,
      name: e.registration.filter((l) => l !== '').join(' / '),
      country: e.country,
      firmRights: c.firmRights,
      letter: HELD_LETTER,
    }));
    return { total, rows };
  });
}
