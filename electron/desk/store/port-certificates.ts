/**
 * The store port's part for certificates: an issue per program, certificates never changed or
 * deleted, and what happens to each as events.
 */

export interface ClassTotals {
  readonly certificates: number;
  readonly held: number;
  /** Decimal text. */
  readonly units: string;
  readonly firmRights: number;
}

export interface CertificateIssueRecord {
  readonly id: number;
  readonly programId: number;
  readonly issuedAt: string;
  readonly issuedBy: string | null;
  readonly certificates: number;
  readonly totals: Readonly<Record<string, ClassTotals>>;
}

export interface CertificateRecord {
  readonly id: number;
  readonly programId: number;
  readonly issueId: number | null;
  readonly seq: number;
  /** RT-000001 … */
  readonly number: string;
  readonly class: string;
  readonly entryId: number;
  readonly account: string;
  readonly units: string;
  readonly firmRights: number;
  /** Held by the agent, not mailed (§9: an address outside the US). */
  readonly held: boolean;
  readonly issuedAt: string;
}

export type NewCertificate = Omit<CertificateRecord, 'id' | 'issueId' | 'programId' | 'issuedAt'>;

export interface CertificateEventRecord {
  readonly id: number;
  readonly certificateId: number;
  readonly at: string;
  /** 'printed', 'reprinted', … */
  readonly kind: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly createdBy: string | null;
}

export interface CertificateSelection {
  readonly class?: string | undefined;
  readonly fromSeq?: number | undefined;
  readonly toSeq?: number | undefined;
  readonly heldOnly?: boolean | undefined;
}

export interface CertificatesReader {
  issueOf(programId: number): Promise<CertificateIssueRecord | undefined>;
  count(programId: number, selection?: CertificateSelection): Promise<number>;
  /** In number order, `limit` after sequence number `afterSeq`: for the grid, the mailing list and printing. */
  list(programId: number, selection: CertificateSelection, afterSeq: number, limit: number): Promise<CertificateRecord[]>;
  /** A window of the selection in number order, by position: what a grid shows. */
  window(programId: number, selection: CertificateSelection, window: { readonly offset: number; readonly limit: number }): Promise<CertificateRecord[]>;
  byId(id: number): Promise<CertificateRecord | undefined>;
  /** A number in any program (`programId` narrows it). */
  byNumber(number: string, programId?: number): Promise<CertificateRecord[]>;
  forAccount(programId: number, account: string): Promise<CertificateRecord[]>;
  events(certificateId: number): Promise<CertificateEventRecord[]>;
}

export interface CertificatesWriter extends CertificatesReader {
  insertIssue(issue: Omit<CertificateIssueRecord, 'id' | 'issuedBy'> & { readonly issuedBy: number | null }): Promise<CertificateIssueRecord>;
  /** Many at once inside the caller's change (a bulk write). */
  insertMany(programId: number, issueId: number, issuedAt: string, certificates: readonly NewCertificate[]): Promise<number>;
  /** One certificate outside any issue (a replacement of like tenor, §2c): `issue_id` null. */
  insertOne(programId: number, issuedAt: string, certificate: NewCertificate): Promise<number>;
  addEvent(event: { readonly certificateId: number; readonly at: string; readonly kind: string; readonly detail: Readonly<Record<string, unknown>>; readonly createdBy: number | null }): Promise<number>;
}
