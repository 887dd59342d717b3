/**
 * The store port's part for amendments of terms once certificates are out: proposed by one
 * supervisor, approved or rejected by another (four-eyes); an approved one becomes a terms version.
 */

export type AmendmentDecision = 'approved' | 'rejected';

export interface AmendmentRecord {
  readonly id: number;
  readonly programId: number;
  /** The version of the terms the amendment was written against. */
  readonly baseVersion: number;
  readonly terms: unknown;
  readonly reason: string;
  readonly proposedAt: string;
  readonly proposedBy: string;
  readonly proposedById: number;
  readonly decision: AmendmentDecision | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly decisionNote: string | null;
}

export interface AmendmentsReader {
  byId(id: number): Promise<AmendmentRecord | undefined>;
  /** A program's amendments, newest first. */
  forProgram(programId: number): Promise<AmendmentRecord[]>;
  /** Every undecided amendment of the book, oldest first. */
  pending(): Promise<AmendmentRecord[]>;
}

export interface AmendmentsWriter extends AmendmentsReader {
  propose(a: { readonly programId: number; readonly baseVersion: number; readonly terms: unknown; readonly reason: string; readonly proposedAt: string; readonly proposedBy: number }): Promise<AmendmentRecord>;
  /** Decides a pending amendment; one already decided (by another desk meanwhile) is left and returned as it stands. */
  decide(id: number, d: { readonly decision: AmendmentDecision; readonly decidedAt: string; readonly decidedBy: number; readonly note: string | null }): Promise<AmendmentRecord>;
}
