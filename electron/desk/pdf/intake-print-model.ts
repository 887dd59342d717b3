/**
 * What an intake print says, already in words and formatted figures: a confirmation of one
 * election and a batch control report. Main builds these from the book (services/intake/*);
 * the print worker only lays them out, so no rule or figure is worked out in the worker.
 * No TIN ever appears here in full: only its mask (XXX-XX-1234).
 */

/** A label and its value, printed as one line of a two-column table. */
export interface PrintLine {
  readonly label: string;
  readonly value: string;
}

export interface ConfirmationPayment {
  /** "Check", "Wire", "DTC settlement"… */
  readonly method: string;
  /** "$1,234.50". */
  readonly amount: string;
  /** Check number, wire reference, payer: what identifies it to the holder. */
  readonly detail: string;
  /** "Cleared — good funds", "Received — awaiting clearance", "Returned unpaid (NSF)". */
  readonly status: string;
}

export interface ConfirmationDeficiency {
  readonly code: string;
  readonly title: string;
  readonly description: string;
}

export interface ConfirmationPrint {
  readonly issuer: string;
  readonly programName: string;
  /** "983764 17 6". */
  readonly cusip: string;
  /** "Election 12", with "(correction of election 9)" where it corrects one. */
  readonly reference: string;
  readonly certificateNumber: string;
  readonly className: string;
  readonly registration: readonly string[];
  readonly address: readonly string[];
  /** "TIN XXX-XX-1234" (an EIN: XX-XXX1234), or "No TIN on file": never the TIN itself. */
  readonly tinLine: string;
  /** What was received: the form, its stamp, what was written on it. */
  readonly received: readonly PrintLine[];
  readonly payments: readonly ConfirmationPayment[];
  /** How it was applied: deemed exercise, amount applied, refund due. */
  readonly applied: readonly PrintLine[];
  readonly deficiencies: readonly ConfirmationDeficiency[];
  /** What happens next, in sentences. */
  readonly next: readonly string[];
  /** "Printed December 1, 2003, 2:05 p.m. New York time by carl". */
  readonly printed: string;
  /** A reversed election is printed marked so (its correction is the one that counts). */
  readonly reversed: string | null;
}

export interface ReportEnvelope {
  readonly seq: string;
  readonly source: string;
  readonly stamped: string;
  readonly stated: string;
  readonly keyed: string;
  /** "balanced", or "2 short" / "1 over". */
  readonly balance: string;
  readonly balanced: boolean;
}

export interface ReportMethodLine {
  readonly method: string;
  readonly count: string;
  readonly amount: string;
}

export interface ReportDeficiencyLine {
  readonly code: string;
  readonly title: string;
  readonly count: string;
}

export interface BatchReportPrint {
  readonly issuer: string;
  readonly programName: string;
  readonly cusip: string;
  /** "Batch 3 — Morning mail, received December 1, 2003". */
  readonly title: string;
  /** "Open", or "Closed December 1, 2003, 4:10 p.m. New York time by carl". */
  readonly state: string;
  readonly items: readonly PrintLine[];
  readonly shares: readonly PrintLine[];
  readonly methods: readonly ReportMethodLine[];
  readonly methodsTotal: ReportMethodLine;
  readonly deficiencies: readonly ReportDeficiencyLine[];
  readonly envelopes: readonly ReportEnvelope[];
  readonly envelopesTotal: ReportEnvelope;
  /** "Balanced: every envelope's keyed items equal its stated count", or what differs. */
  readonly balance: string;
  readonly balanced: boolean;
  /** "Journal entry 1,234, hash 3f…": the book as it stood when the report was drawn. */
  readonly head: string;
  /** "Drawn December 1, 2003, 4:05 p.m. New York time by carl (Carl Clerk)". */
  readonly drawn: string;
}
