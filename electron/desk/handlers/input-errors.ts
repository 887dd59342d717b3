import type { z } from 'zod';

/** Field names in words, for messages a clerk reads. */
const LABELS: Readonly<Record<string, string>> = {
  username: 'User name',
  password: 'Password',
  displayName: 'Full name',
  role: 'Role',
  userId: 'User id',
  active: 'Active',
  kind: 'Kind of program',
  name: 'Program name',
  issuer: 'Issuer',
  cusip: 'CUSIP',
  recordDate: 'Record date',
  programId: 'Program id',
  destination: 'Backup file',
  source: 'Backup file to restore',
  density: 'Density',
  printer: 'Printer',
  beforeSeq: 'Older than entry',
  limit: 'Number of entries',
  reason: 'Reason',
  terms: 'Terms',
  timeZone: 'Time zone',
  businessDays: 'Business-day calendar',
  subscriptionPrice: 'Subscription price',
  maxShares: 'Maximum shares',
  certificateIssueDate: 'Certificate issue date',
  expiration: 'Expiration',
  transferableExpiration: 'Transferable rights expiration',
  at: 'Expiration date and time',
  basis: 'Basis',
  guaranteedDelivery: 'Guaranteed delivery',
  allowed: 'Guaranteed delivery allowed',
  coverBusinessDays: 'Guaranteed delivery cover (business days)',
  oversubscription: 'Oversubscription',
  requireFullBasic: 'Full basic exercise required',
  classes: 'Classes',
  code: 'Class code',
  colour: 'Colour',
  description: 'Description',
  firmRightsPerUnit: 'Firm rights per unit',
  transferable: 'Transferable',
  stage: 'Stage',
  processingFeePerShare: 'Processing fee per share',
  roundLot: 'Round lot',
  expiresAt: 'Expires',
  excludedJurisdictions: 'Excluded jurisdictions',
  planSharesExcluded: 'Plan shares excluded',
  backupWithholdingRate: 'Backup withholding rate',
  settlementBusinessDays: 'Settlement business days',
};

const MAX_NAME = 64;
const clip = (s: string) => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME)}…` : s);
const labelOf = (field: string) => LABELS[field] ?? `Field "${field}"`;

/**
 * The first problem with an input, as `field` (the dotted path) and a message that names the
 * field in words. Hostile inputs may have huge or odd keys: names are clipped, never echoed whole.
 */
export function describeInvalidInput(error: z.ZodError, input: unknown): { field?: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request is not valid' };
  const path = issue.path.map((p) => clip(String(p)));
  if (issue.code === 'unrecognized_keys') {
    const key = clip(String(issue.keys[0] ?? ''));
    return { field: [...path, key].join('.'), message: `"${key}" is not a field this request takes` };
  }
  if (path.length === 0) return { message: 'The request must be a set of named fields (an object)' };
  const field = path.join('.');
  const label = labelOf(String(path[path.length - 1]));
  if (path.length === 1 && isMissing(input, String(issue.path[0]))) return { field, message: `${label} is required` };
  const message = issue.message.toLowerCase().includes(label.toLowerCase()) ? issue.message : `${label}: ${lowerFirst(issue.message)}`;
  return { field, message };
}

function isMissing(input: unknown, key: string): boolean {
  return typeof input === 'object' && input !== null && !Object.prototype.hasOwnProperty.call(input, key);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
