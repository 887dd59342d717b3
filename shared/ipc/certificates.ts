/**
 * Channels' inputs and results for issuing and printing certificates (the Certificates area).
 * The renderer names only a program, a class, a range of numbers or a certificate and a reason:
 * the files are chosen in main's own dialogs.
 */
import { z } from 'zod';
import { labelled } from './labels';
import { reasonText } from './schemas';

const positiveId = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

const certificateNumber = (label: string) =>
  labelled(
    z
      .string({ error: `${label} must be text` })
      .trim()
      .toUpperCase()
      .regex(/^RT-\d{6,9}$/, `${label}: type a certificate number like RT-000123`),
    label,
    'type it as printed, e.g. RT-000123',
  );

export const issueCertificatesInput = z.object({ programId: positiveId('Program') }).strict();
export const mailingListInput = z.object({ programId: positiveId('Program') }).strict();

export const printCertificatesInput = z
  .object({
    programId: positiveId('Program'),
    class: labelled(z.string({ error: 'Class must be text' }).trim().min(1, 'Class is required when given').max(16, 'Class must be at most 16 characters'), 'Class').optional(),
    fromNumber: certificateNumber('From certificate number').optional(),
    toNumber: certificateNumber('To certificate number').optional(),
  })
  .strict();

export const reprintCertificateInput = z
  .object({
    certificateId: positiveId('Certificate'),
    reason: reasonText('Reason for the reprint', 'Original returned torn by the post office'),
  })
  .strict();

export interface CertificateClassTotals {
  readonly certificates: number;
  readonly held: number;
  /** Decimal text. */
  readonly units: string;
  readonly firmRights: number;
}

export interface CertificateIssueSummary {
  readonly programId: number;
  readonly issuedAt: string;
  readonly certificates: number;
  readonly held: number;
  readonly firstNumber: string;
  readonly lastNumber: string;
  readonly classes: Readonly<Record<string, CertificateClassTotals>>;
}

export interface MailingListExport {
  readonly fileName: string;
  readonly rows: number;
}

export interface PrintedCertificatesFile {
  readonly name: string;
  readonly pages: number;
  readonly certificates: number;
  readonly facts: Readonly<Record<string, string | number>>;
}

/** What a finished 'certificates.print' job answers. */
export interface CertificatesPrintResult {
  readonly programId: number;
  readonly folder: string;
  readonly certificates: number;
  readonly pages: number;
  readonly files: readonly PrintedCertificatesFile[];
}

/** What a finished 'certificates.reprint' job answers. */
export interface CertificateReprintResult {
  readonly fileName: string;
  readonly number: string;
  /** Where main wrote the DUPLICATE (the path its save dialog chose). */
  readonly file: string;
}
