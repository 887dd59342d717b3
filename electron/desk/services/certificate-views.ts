import type { CertificateDetailView, CertificatesPageView, HeldForeignRow, HeldForeignView } from '../../../shared/ipc/register-types';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore, CertificateRecord, ReadRepos } from '../store/port';
import { programOrFail } from './register-views';
import { addressLines, toCertificateView, toEntryView, toEventView } from './register-view-model';

/** The event that records the §9 letter (Exhibit D, with the prospectus) as sent to a foreign holder. */
export const FOREIGN_LETTER_SENT = 'foreign-letter-sent';

/** A window of a program's certificates in number order, of one class or all. */
export function certificatesPage(store: BookStore, input: { programId: number; class?: string | undefined; offset: number; limit: number }): Promise<CertificatesPageView> {
  return store.read(async (r) => {
    await programOrFail(r, input.programId);
    const selection = input.class === undefined || input.class === '' ? {} : { class: input.class };
    const total = await r.certificates.count(input.programId, selection);
    const rows = input.offset >= total ? [] : await r.certificates.window(input.programId, selection, { offset: input.offset, limit: input.limit });
    return { total, offset: input.offset, rows: rows.map(toCertificateView) };
  });
}

/** A certificate's page: the certificate, its register entry (TIN masked) and its history. */
export function certificateDetail(store: BookStore, certificateId: number): Promise<CertificateDetailView> {
  return store.read(async (r) => {
    const certificate = await r.certificates.byId(certificateId);
    if (!certificate) throw new DeskFailure('NOT_FOUND', 'There is no such certificate in this book', 'certificateId');
    const program = await programOrFail(r, certificate.programId);
    const entry = await r.register.entryById(certificate.entryId);
    if (!entry) throw new Error(`Certificate ${certificate.number} names register entry ${certificate.entryId}, which the book does not hold`);
    const events = (await r.certificates.events(certificate.id)).map(toEventView);
    return { certificate: toCertificateView(certificate), program: { id: program.id, name: program.name, cusip: program.cusip }, entry: toEntryView(entry), events };
  });
}

/**
 * The certificates the agent holds for holders whose address is outside the US (§9): none is
 * mailed; each holder gets the prospectus with the Exhibit D letter instead, and the agent
 * exercises on the holder's instruction and payment before expiration.
 */
export function heldForeign(store: BookStore, input: { programId: number; offset: number; limit: number }): Promise<HeldForeignView> {
  return store.read(async (r) => {
    await programOrFail(r, input.programId);
    const selection = { heldOnly: true };
    const total = await r.certificates.count(input.programId, selection);
    const held = input.offset >= total ? [] : await r.certificates.window(input.programId, selection, { offset: input.offset, limit: input.limit });
    const rows: HeldForeignRow[] = [];
    for (const certificate of held) rows.push(await heldRow(r, certificate));
    return { total, offset: input.offset, rows };
  });
}

async function heldRow(r: ReadRepos, certificate: CertificateRecord): Promise<HeldForeignRow> {
  const entry = await r.register.entryById(certificate.entryId);
  if (!entry) throw new Error(`Certificate ${certificate.number} names register entry ${certificate.entryId}, which the book does not hold`);
  const sent = (await r.certificates.events(certificate.id)).find((e) => e.kind === FOREIGN_LETTER_SENT);
  return {
    certificate: toCertificateView(certificate),
    name: entry.registration.filter((line) => line !== '').join(' '),
    country: entry.country,
    address: addressLines(entry),
    letter: {
      form: 'Exhibit D',
      sends: `Prospectus with the Exhibit D letter to ${entry.country}: certificate held by the agent, not mailed (§9)`,
      sentAt: sent?.at ?? null,
    },
  };
}
