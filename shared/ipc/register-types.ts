/**
 * What the Register and Certificates screens receive. A TIN reaches the screen only masked
 * (`XXX-XX-1234`, `XX-XXX1234` or `none`): neither the TIN itself nor its ciphertext is ever here.
 */

export type TinKind = 'SSN' | 'ITIN' | 'EIN' | 'NONE';

/** One row of the record-date register, as imported. */
export interface RegisterEntryView {
  readonly id: number;
  readonly programId: number;
  readonly importId: number;
  /** The line of the imported file it came from (the header is line 1). */
  readonly line: number;
  readonly account: string;
  /** '' for an odd-lot program's blank class. */
  readonly class: string;
  /** registration1..4; unused lines are ''. */
  readonly registration: readonly [string, string, string, string];
  /** The address on the record date. */
  readonly address1: string;
  readonly address2: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly country: string;
  readonly tinType: TinKind;
  /** `XXX-XX-1234` (SSN, ITIN), `XX-XXX1234` (EIN) or `none`. */
  readonly maskedTin: string;
  /** Decimal text. */
  readonly units: string;
  readonly nominee: string;
  readonly planShares: string;
}

export interface RegisterImportView {
  readonly id: number;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly layout: string;
  readonly rowCount: number;
  readonly imported: number;
  readonly rejected: number;
  readonly goodRowsOnly: boolean;
  readonly importedAt: string;
  readonly importedBy: string | null;
}

export interface ClassTotalsView {
  readonly certificates: number;
  readonly held: number;
  readonly units: string;
  readonly firmRights: number;
}

export interface CertificateIssueView {
  readonly issuedAt: string;
  readonly issuedBy: string | null;
  readonly certificates: number;
  readonly totals: Readonly<Record<string, ClassTotalsView>>;
}

export interface RegisterSummaryView {
  readonly programId: number;
  readonly entries: number;
  readonly imports: readonly RegisterImportView[];
  readonly issued: boolean;
  readonly issue: CertificateIssueView | null;
}

export interface RegisterEntriesView {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly RegisterEntryView[];
}

export interface CertificateView {
  readonly id: number;
  readonly programId: number;
  readonly seq: number;
  /** RT-000001 … */
  readonly number: string;
  readonly class: string;
  readonly entryId: number;
  readonly account: string;
  readonly units: string;
  readonly firmRights: number;
  /** Held by the agent, not mailed (§9). */
  readonly held: boolean;
  readonly issuedAt: string;
}

export interface CertificateEventView {
  readonly id: number;
  readonly at: string;
  /** 'printed', 'reprinted', … */
  readonly kind: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly createdBy: string | null;
}

export interface CertificateWithEvents extends CertificateView {
  readonly events: readonly CertificateEventView[];
}

/** A holder's page: every register entry of the account (one per class) and its certificates. */
export interface HolderView {
  readonly programId: number;
  readonly programName: string;
  readonly account: string;
  readonly entries: readonly RegisterEntryView[];
  readonly certificates: readonly CertificateWithEvents[];
}

export interface CertificatesPageView {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly CertificateView[];
}

export interface CertificateDetailView {
  readonly certificate: CertificateView;
  readonly program: { readonly id: number; readonly name: string; readonly cusip: string };
  readonly entry: RegisterEntryView;
  readonly events: readonly CertificateEventView[];
}

/** What §9 asks for a holder whose address is outside the US. */
export interface ForeignLetterView {
  /** The agreement's form of letter. */
  readonly form: 'Exhibit D';
  /** In words: what goes to the holder instead of the certificate. */
  readonly sends: string;
  /** When a 'foreign-letter-sent' event records it went out; null while it is still to send. */
  readonly sentAt: string | null;
}

export interface HeldForeignRow {
  readonly certificate: CertificateView;
  readonly name: string;
  readonly country: string;
  /** The address lines as on the record date, for the letter. */
  readonly address: readonly string[];
  readonly letter: ForeignLetterView;
}

export interface HeldForeignView {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly HeldForeignRow[];
}
