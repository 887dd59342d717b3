import type { CertificateEventView, CertificateView, RegisterEntryView, RegisterImportView } from '../../../shared/ipc/register-types';
import type { CertificateEventRecord, CertificateRecord, RegisterEntryRecord, RegisterImportRecord, TinType } from '../store/port';

/**
 * A TIN as a screen may show it: the last four digits behind the mask of its type. An SSN or
 * ITIN reads `XXX-XX-1234`, an EIN `XX-XXX1234`; no TIN (or no digits kept) reads `none`.
 */
export function maskTin(type: TinType, last4: string | null): string {
  if (type === 'NONE' || last4 === null || !/^\d{4}$/.test(last4)) return 'none';
  return type === 'EIN' ? `XX-XXX${last4}` : `XXX-XX-${last4}`;
}

/** A register entry for the screen: the TIN masked; the ciphertext is never read here. */
export const toEntryView = (e: RegisterEntryRecord): RegisterEntryView => ({
  id: e.id,
  programId: e.programId,
  importId: e.importId,
  line: e.line,
  account: e.account,
  class: e.class,
  registration: e.registration,
  address1: e.address1,
  address2: e.address2,
  city: e.city,
  state: e.state,
  postalCode: e.postalCode,
  country: e.country,
  tinType: e.tinType,
  maskedTin: maskTin(e.tinType, e.tinLast4),
  units: e.units,
  nominee: e.nominee,
  planShares: e.planShares,
});

export const toImportView = (i: RegisterImportRecord): RegisterImportView => ({
  id: i.id,
  fileName: i.fileName,
  fileSha256: i.fileSha256,
  layout: i.layout,
  rowCount: i.rowCount,
  imported: i.imported,
  rejected: i.rejected,
  goodRowsOnly: i.goodRowsOnly,
  importedAt: i.importedAt,
  importedBy: i.importedBy,
});

export const toCertificateView = (c: CertificateRecord): CertificateView => ({
  id: c.id,
  programId: c.programId,
  seq: c.seq,
  number: c.number,
  class: c.class,
  entryId: c.entryId,
  account: c.account,
  units: c.units,
  firmRights: c.firmRights,
  held: c.held,
  issuedAt: c.issuedAt,
});

export const toEventView = (e: CertificateEventRecord): CertificateEventView => ({ id: e.id, at: e.at, kind: e.kind, detail: e.detail, createdBy: e.createdBy });

/** The registration lines in use, then the address lines in use: what an envelope would carry. */
export function addressLines(e: RegisterEntryRecord): string[] {
  const cityLine = [e.city, [e.state, e.postalCode].filter((p) => p !== '').join(' ')].filter((p) => p !== '').join(', ');
  return [e.address1, e.address2, cityLine, e.country].filter((line) => line.trim() !== '');
}
