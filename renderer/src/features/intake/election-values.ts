/**
 * The election form's values as the clerk keys them (text and "yes"/"no"), their checks in the
 * shared schemas' words, and the draft main receives. Nothing here is money arithmetic: amounts
 * stay the text keyed, shares are whole numbers parsed from digits.
 */
import { abaRoutingProblem } from '../../../../shared/domain/aba';
import { amountSchema, electionDraftSchema, PAYMENT_METHODS_KEYED, paymentInput, type ElectionDraft, type KeyedPaymentMethod, type PaymentKeyed } from '../../../../shared/ipc/intake-forms';
import { normalizeMoney, normalizeShares, parseKeyedShares, plainDecimal } from '../../lib/amounts';
import { checkWith, type FieldCheck } from '../../lib/validation';

export type YesNo = 'yes' | 'no';

export interface PaymentValues {
  method: string;
  amount: string;
  checkNumber: string;
  abaRouting: string;
  bankAccount: string;
  payer: string;
  reference: string;
}

export interface ElectionValues {
  certificateNumber: string;
  basicShares: string;
  oversubscriptionShares: string;
  signed: YesNo;
  signatureMatches: YesNo;
  allJointHoldersSigned: YesNo;
  fiduciary: YesNo;
  capacity: string;
  fiduciaryEvidence: YesNo;
  deliverElsewhere: YesNo;
  medallion: YesNo;
  taxFormOnFile: YesNo;
  foreignInstruction: YesNo;
  payments: PaymentValues[];
}

export const CHECK_FIELDS = ['signed', 'signatureMatches', 'allJointHoldersSigned', 'fiduciary', 'fiduciaryEvidence', 'deliverElsewhere', 'medallion', 'taxFormOnFile'] as const;
export type CheckFieldName = (typeof CHECK_FIELDS)[number];

export const CHECK_LABELS: Readonly<Record<CheckFieldName, string>> = {
  signed: 'Signed',
  signatureMatches: 'Signature matches the registration',
  allJointHoldersSigned: 'All joint holders signed',
  fiduciary: 'Signed as a fiduciary',
  fiduciaryEvidence: 'Evidence of authority',
  deliverElsewhere: 'Deliver to another name or address',
  medallion: 'Medallion guarantee',
  taxFormOnFile: 'TIN / W-9 received',
};

export const blankPayment = (payer = ''): PaymentValues => ({ method: 'check', amount: '', checkNumber: '', abaRouting: '', bankAccount: '', payer, reference: '' });

/** A clean form's answers: signed, matching, every joint holder, a TIN on file. */
export const blankElection = (): ElectionValues => ({
  certificateNumber: '',
  basicShares: '',
  oversubscriptionShares: '',
  signed: 'yes',
  signatureMatches: 'yes',
  allJointHoldersSigned: 'yes',
  fiduciary: 'no',
  capacity: '',
  fiduciaryEvidence: 'no',
  deliverElsewhere: 'no',
  medallion: 'no',
  taxFormOnFile: 'yes',
  foreignInstruction: 'no',
  payments: [blankPayment()],
});

/** A payment row with nothing keyed but the payer carried in from the registration does not count. */
export const isBlankPayment = (p: PaymentValues): boolean => p.amount.trim() === '' && p.checkNumber.trim() === '' && p.abaRouting.trim() === '' && p.bankAccount.trim() === '' && p.reference.trim() === '';

/** "RT-123", "rt000123", "123" → "RT-000123" (as printed: six digits at least). */
export function normalizeCertificateNumber(text: string): string {
  const m = /^\s*(?:RT-?)?\s*(\d{1,9})\s*$/i.exec(text);
  if (!m) return text.trim().toUpperCase();
  return `RT-${m[1]!.padStart(6, '0')}`;
}

const methodOf = (text: string): KeyedPaymentMethod | null => ((PAYMENT_METHODS_KEYED as readonly string[]).includes(text) ? (text as KeyedPaymentMethod) : null);

const sharesCheck =
  (label: string, required: boolean): FieldCheck<Record<string, string>> =>
  (v) => {
    if (v.trim() === '') return required ? `${label} is required` : null;
    return parseKeyedShares(v) === null ? `${label}: type whole shares as digits, e.g. 100` : null;
  };

const optionalDigits = (label: string, max: number): FieldCheck<Record<string, string>> => (v) =>
  v.trim() === '' || new RegExp(`^\\d{1,${max}}$`).test(v.trim()) ? null : `${label}: type up to ${max} digits`;

/** The checks of every field, by its dotted name ("payments.0.amount"), in the shared schemas' words. */
export function electionChecks(values: Record<string, string>): Record<string, FieldCheck<Record<string, string>>> {
  const checks: Record<string, FieldCheck<Record<string, string>>> = {
    certificateNumber: (v) => checkWith(electionDraftSchema.shape.certificateNumber, 'Certificate number')(normalizeCertificateNumber(v), {}),
    basicShares: sharesCheck('Basic shares', false),
    oversubscriptionShares: sharesCheck('Oversubscription shares', false),
  };
  for (let i = 0; Object.prototype.hasOwnProperty.call(values, `payments.${i}.method`); i++) {
    const at = (f: string) => values[`payments.${i}.${f}`] ?? '';
    const blank = at('amount').trim() === '' && at('checkNumber').trim() === '' && at('abaRouting').trim() === '' && at('bankAccount').trim() === '' && at('reference').trim() === '';
    if (blank) continue;
    const method = at('method');
    checks[`payments.${i}.amount`] = (v) => checkWith(amountSchema, 'Amount')(v, {});
    checks[`payments.${i}.checkNumber`] = (v) => (v.trim() === '' ? (method === 'check' || method === 'certified-check' ? 'Check number is required for a check' : null) : optionalDigits('Check number', 15)(v, {}));
    checks[`payments.${i}.abaRouting`] = (v) => {
      if (v.trim() === '') return method === 'check' ? 'Routing number is required for a check' : null;
      return abaRoutingProblem(v.trim(), 'Routing number');
    };
    checks[`payments.${i}.bankAccount`] = optionalDigits('Account number', 17);
    checks[`payments.${i}.payer`] = (v) => (v.trim() === '' ? 'Payer is required' : null);
    checks[`payments.${i}.reference`] = (v) => (v.trim() === '' && method === 'wire' ? 'Wire reference is required for a wire' : null);
  }
  return checks;
}

export const normalizeField = (name: string): ((v: string) => string) | undefined => {
  if (name === 'certificateNumber') return normalizeCertificateNumber;
  if (name === 'basicShares' || name === 'oversubscriptionShares') return normalizeShares;
  if (name.endsWith('.amount')) return normalizeMoney;
  return undefined;
};

export const paymentOf = (p: PaymentValues): PaymentKeyed | null => {
  const method = methodOf(p.method);
  if (!method) return null;
  const optional = (s: string) => (s.trim() === '' ? {} : null);
  return {
    method,
    amount: plainDecimal(p.amount),
    payer: p.payer.trim(),
    ...(optional(p.checkNumber) ?? { checkNumber: p.checkNumber.trim() }),
    ...(optional(p.abaRouting) ?? { abaRouting: p.abaRouting.trim() }),
    ...(optional(p.bankAccount) ?? { bankAccount: p.bankAccount.trim() }),
    ...(optional(p.reference) ?? { reference: p.reference.trim() }),
  };
};

/**
 * What main is asked to assess or save; null while the form cannot be read yet (no
 * certificate number, a share count that is not digits). Blank payment rows are left out.
 */
export function draftOf(values: ElectionValues, batchId: number, envelopeId: number, options: { readonly preview?: boolean } = {}): ElectionDraft | null {
  const number = normalizeCertificateNumber(values.certificateNumber);
  if (!electionDraftSchema.shape.certificateNumber.safeParse(number).success) return null;
  const basic = values.basicShares.trim() === '' ? null : parseKeyedShares(values.basicShares);
  if (values.basicShares.trim() !== '' && basic === null) return null;
  const over = values.oversubscriptionShares.trim() === '' ? 0 : parseKeyedShares(values.oversubscriptionShares);
  if (over === null) return null;
  const payments: PaymentKeyed[] = [];
  for (const p of values.payments) {
    if (isBlankPayment(p)) continue;
    const payment = paymentOf(p);
    // The preview goes on without a row still being keyed (a check with no number yet); a save does not.
    const fine = payment !== null && paymentInput.safeParse(payment).success;
    if (!fine && options.preview === true) continue;
    if (!payment) return null;
    payments.push(payment);
  }
  const yes = (v: YesNo) => v === 'yes';
  const draft = {
    batchId,
    envelopeId,
    certificateNumber: number,
    basicShares: basic,
    oversubscriptionShares: over,
    signed: yes(values.signed),
    signatureMatches: yes(values.signatureMatches),
    allJointHoldersSigned: yes(values.allJointHoldersSigned),
    fiduciary: yes(values.fiduciary),
    capacity: values.fiduciary === 'yes' ? values.capacity.trim() : '',
    fiduciaryEvidence: yes(values.fiduciary) && yes(values.fiduciaryEvidence),
    deliverElsewhere: yes(values.deliverElsewhere),
    medallion: yes(values.deliverElsewhere) && yes(values.medallion),
    taxFormOnFile: yes(values.taxFormOnFile),
    foreignInstruction: yes(values.foreignInstruction),
    payments,
  };
  const parsed = electionDraftSchema.safeParse(draft);
  return parsed.success ? parsed.data : null;
}
