/**
 * Labels and hints for the fields of program terms. The terms' schemas belong to the engine
 * (shared/domain/terms.ts), which speaks no clerk's language; their labels are attached here.
 */
import type { z } from 'zod';
import { expirationRuleSchema, guaranteedDeliverySchema, oddLotTermsSchema, rightsClassTermsSchema, rightsOfferingTermsSchema } from '../domain/terms';
import { labelled } from './labels';

type Labels = Readonly<Record<string, readonly [label: string, hint?: string]>>;

const DATE_HINT = 'type the date as MMDDYY or MM/DD/YYYY';
const WALL_TIME_HINT = 'type the date and the New York time, e.g. 12/08/2003 5:00 p.m.';

function labelShape(schema: z.ZodType, labels: Labels): void {
  const def = (schema as unknown as { _zod: { def: { shape?: Record<string, z.ZodType>; options?: z.ZodType[] } } })._zod.def;
  if (def.options) {
    for (const option of def.options) labelShape(option, labels);
    return;
  }
  for (const [key, [label, hint]] of Object.entries(labels)) {
    const field = def.shape?.[key];
    if (field) labelled(field, label, hint);
  }
}

labelShape(rightsOfferingTermsSchema, {
  kind: ['Kind of terms'],
  timeZone: ['Time zone'],
  businessDays: ['Business-day calendar'],
  subscriptionPrice: ['Subscription price', 'type dollars and cents, e.g. 5.00'],
  maxShares: ['Maximum shares', 'type a whole number of shares, e.g. 1,000,000'],
  recordDate: ['Record date', DATE_HINT],
  certificateIssueDate: ['Certificate issue date', DATE_HINT],
  expiration: ['Expiration'],
  transferableExpiration: ['Transferable rights expiration'],
  guaranteedDelivery: ['Guaranteed delivery'],
  oversubscription: ['Oversubscription'],
  classes: ['Classes of rights'],
});
labelShape(expirationRuleSchema, { basis: ['Expiration basis'], at: ['Expiration date and time', WALL_TIME_HINT] });
labelShape(guaranteedDeliverySchema, {
  allowed: ['Guaranteed delivery allowed'],
  coverBusinessDays: ['Guaranteed delivery cover', 'type a number of business days, e.g. 3'],
});
labelShape(rightsClassTermsSchema, {
  code: ['Class code', 'type a short code such as A'],
  colour: ['Colour', 'type the certificate colour, e.g. BLUE'],
  description: ['Description'],
  firmRightsPerUnit: ['Firm rights per unit', 'rights per share or unit held on the record date, rounded down; type e.g. 1 or 0.1'],
  oversubscription: ['Oversubscription privilege'],
  transferable: ['Transferable'],
  stage: ['Stage', 'type 1 for the offering proper, 2 for what it left'],
  unitsDecimals: ['Units decimals', 'decimals a register\'s units of the class may have, 0 to 6'],
});
labelShape(oddLotTermsSchema, {
  kind: ['Kind of terms'],
  timeZone: ['Time zone'],
  businessDays: ['Business-day calendar'],
  processingFeePerShare: ['Processing fee per share', 'type dollars and cents, e.g. 0.65'],
  roundLot: ['Round lot', 'type a whole number of shares, e.g. 100'],
  recordDate: ['Record date', DATE_HINT],
  expiresAt: ['Expires', WALL_TIME_HINT],
  excludedJurisdictions: ['Excluded jurisdictions'],
  planSharesExcluded: ['Plan shares excluded'],
  backupWithholdingRate: ['Backup withholding rate', 'type a rate, e.g. 0.24 for 24%'],
  settlementBusinessDays: ['Settlement business days', 'type a number of business days, e.g. 5'],
});

// The oversubscription rule is a nested object; label its two fields too.
const oversubscriptionShape = (rightsOfferingTermsSchema as unknown as { shape: { oversubscription: z.ZodType } }).shape.oversubscription;
labelShape(oversubscriptionShape, { basis: ['Proration basis'], requireFullBasic: ['Full basic exercise required'] });

/** Importing this module attaches the labels; the value says so to a reader. */
export const TERMS_LABELS_ATTACHED = true;
