/**
 * The scenario@1 format (shared/contracts/SETTLE.md): a program's terms and what was received,
 * as one JSON document. Parsing is strict: unknown fields are refused; every decimal is a JSON
 * string; every share count a JSON integer; every problem is reported as one line naming the
 * field's path, e.g. `elections[3].payments[0].amount: expected a decimal string like "615.00",
 * got the number 615`.
 */
import { z } from 'zod';
import { bool, country, decimal, expected, identifier, isoDate, list, money, named, obj, oneOf, shares, show, timeZone, wallTime, wholeNumber } from './fields';
import { PAYMENT_METHODS, PAYMENT_STATUSES, type Payment } from './funds';
import { isDeficiencyCode } from './deficiencies';
import { WallClock } from './time';
import { CertificateIndex } from './certificate-index';

export const SCENARIO_FORMAT = 'offering-desk/scenario@1';
export const SETTLEMENT_FORMAT = 'offering-desk/settlement@1';

// ---------------------------------------------------------------------------------------------
// Types (what a parsed scenario looks like; defaults filled in).

export type ProrationBasis = 'requested' | 'basic';

export interface RightsClassSpec {
  readonly code: string;
  readonly firmRightsPerUnit: string;
  readonly oversubscription: boolean;
  /** 2 for the second stage (transferable rights buying what stage 1 left); 1 when absent. */
  readonly stage?: 1 | 2;
}

export interface RightsProgram {
  readonly kind: 'rights-offering';
  readonly timeZone: string;
  readonly expiresAt: string;
  readonly subscriptionPrice: string;
  readonly maxShares: number;
  readonly oversubscription: { readonly basis: ProrationBasis; readonly requireFullBasic: boolean };
  readonly classes: readonly RightsClassSpec[];
}

export interface ScenarioCertificate {
  readonly number: string;
  readonly class: string;
  readonly units: string;
  readonly country?: string;
}

export interface ScenarioElection {
  readonly certificate: string;
  readonly receivedAt: string;
  readonly signed: boolean;
  /** null: the holder wrote no number (§4b). */
  readonly basicShares: number | null;
  readonly oversubscriptionShares: number;
  readonly payments: readonly Payment[];
}

export interface ScenarioWaiver {
  readonly certificate: string;
  readonly code: string;
}

export interface RightsScenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly program: RightsProgram;
  readonly certificates: readonly ScenarioCertificate[];
  readonly elections: readonly ScenarioElection[];
  readonly waivers: readonly ScenarioWaiver[];
}

export interface OddLotProgram {
  readonly kind: 'odd-lot';
  readonly timeZone: string;
  readonly expiresAt: string;
  readonly processingFeePerShare: string;
  readonly roundLot: number;
  readonly backupWithholdingRate: string;
}

export interface ClosingPrice {
  readonly date: string;
  readonly close: string;
}

export interface OddLotHolder {
  readonly account: string;
  readonly sharesOnRecordDate: number;
  readonly planShares: number;
  readonly tinCertified: boolean;
  readonly country?: string;
}

export type OddLotAction = 'sell' | 'buy-up';

export interface OddLotOrder {
  readonly account: string;
  readonly action: OddLotAction;
  readonly receivedAt: string;
  readonly orderDate?: string;
  readonly orderPrice?: string;
  readonly transferDate: string;
}

export interface OddLotScenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly program: OddLotProgram;
  readonly prices: readonly ClosingPrice[];
  readonly holders: readonly OddLotHolder[];
  readonly orders: readonly OddLotOrder[];
}

export type Scenario = RightsScenario | OddLotScenario;

// ---------------------------------------------------------------------------------------------
// Rights offering.

const rightsClassSchema = obj({
  code: z
    .string({ error: expected('a class code like "A"') })
    .regex(/^[A-Za-z0-9_-]{1,16}$/, { error: (iss) => `expected a class code like "A", got ${show(iss.input)}` }),
  firmRightsPerUnit: decimal({ example: '0.1', maxScale: 12 }),
  oversubscription: bool(),
  stage: z
    .number({ error: expected('1 or 2') })
    .refine((n) => n === 1 || n === 2, { error: (iss) => `expected 1 or 2, got ${show(iss.input)}` })
    .transform((n) => n as 1 | 2)
    .optional(),
});

const rightsProgramSchema = obj({
  kind: z.literal('rights-offering'),
  timeZone: timeZone(),
  expiresAt: wallTime(),
  subscriptionPrice: decimal({ example: '5.00', maxScale: 6, positive: true, maxIntegerDigits: 6 }),
  maxShares: shares(),
  oversubscription: obj({ basis: oneOf(['requested', 'basic']), requireFullBasic: bool() }),
  classes: list(rightsClassSchema).min(1, { error: 'at least one class of rights is needed' }),
});

const paymentSchema = obj({
  method: oneOf(PAYMENT_METHODS as unknown as readonly [string, ...string[]]),
  amount: money('615.00'),
  status: oneOf(PAYMENT_STATUSES as unknown as readonly [string, ...string[]]),
});

const certificateSchema = obj({
  number: identifier('a certificate number', 'RT-000001'),
  class: z.string({ error: expected('a class code like "A"') }),
  units: decimal({ example: '1234', maxScale: 6 }),
  // Optional and not used by the settlement: a certificate held for a foreign holder (§9) is
  // exercised on the holder's instruction and payment, and its election is that instruction.
  country: country().optional(),
});

const electionSchema = obj({
  certificate: z.string({ error: expected('a certificate number like "RT-000001"') }),
  receivedAt: wallTime(),
  signed: bool(),
  // Required, null when the holder wrote no number (§4b); the contract tells the two apart.
  basicShares: wholeNumber('a whole number of shares (or null: no number written)').nullable(),
  // Left out means none: no oversubscription asked, no payment received.
  oversubscriptionShares: shares().default(0),
  payments: list(paymentSchema).default([]),
});

const waiverSchema = obj({
  certificate: z.string({ error: expected('a certificate number like "RT-000001"') }),
  code: z
    .string({ error: expected('a deficiency code like "UNSIGNED"') })
    .refine(isDeficiencyCode, { error: (iss) => `unknown deficiency code ${named(iss.input)}` }),
});

const rightsScenarioSchema = obj({
  format: z.literal(SCENARIO_FORMAT),
  program: rightsProgramSchema,
  certificates: list(certificateSchema),
  // Left out means none received / none granted.
  elections: list(electionSchema).default([]),
  waivers: list(waiverSchema).default([]),
});

// ---------------------------------------------------------------------------------------------
// Odd-lot program.

const oddLotProgramSchema = obj({
  kind: z.literal('odd-lot'),
  timeZone: timeZone(),
  expiresAt: wallTime(),
  processingFeePerShare: decimal({ example: '0.65', maxScale: 6 }),
  roundLot: wholeNumber('a whole number of shares like 100', { min: 2 }),
  backupWithholdingRate: decimal({ example: '0.24', maxScale: 6, max: '1' }),
});

const oddLotScenarioSchema = obj({
  format: z.literal(SCENARIO_FORMAT),
  program: oddLotProgramSchema,
  prices: list(obj({ date: isoDate(), close: decimal({ example: '7.05', maxScale: 6, positive: true }) })),
  holders: list(
    obj({
      account: identifier('an account', 'H-1'),
      sharesOnRecordDate: shares(),
      planShares: shares().default(0),
      tinCertified: bool(),
      country: country().optional(),
    }),
  ),
  orders: list(
    obj({
      account: z.string({ error: expected('an account like "H-1"') }),
      action: oneOf(['sell', 'buy-up']),
      receivedAt: wallTime(),
      orderDate: isoDate().optional(),
      orderPrice: decimal({ example: '7.20', maxScale: 6, positive: true }).optional(),
      transferDate: isoDate(),
    }),
  ),
});

/** The zod schemas of scenario@1 (structure only; `parseScenario` adds the cross-checks). */
export const scenarioSchemas = { rights: rightsScenarioSchema, oddLot: oddLotScenarioSchema } as const;

// ---------------------------------------------------------------------------------------------
// Parsing.

export interface ScenarioProblem {
  /** The field's path, e.g. `elections[3].payments[0].amount` ('' for the document itself). */
  readonly path: string;
  readonly message: string;
}

export type ScenarioParse = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problem: ScenarioProblem };

export class ScenarioError extends Error {
  constructor(readonly problem: ScenarioProblem) {
    super(formatProblem(problem));
    this.name = 'ScenarioError';
  }
}

/** One line: `path: message` (or just the message for the document itself). */
export function formatProblem(p: ScenarioProblem): string {
  return p.path === '' ? p.message : `${p.path}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const NOT_A_SCENARIO = `not a scenario: expected a JSON object with "format": "${SCENARIO_FORMAT}"`;

function problem(path: string, message: string): ScenarioParse {
  return { ok: false, problem: { path, message } };
}

function fromZod(error: z.ZodError): ScenarioParse {
  const first = error.issues[0]!;
  let path = formatPath(first.path);
  let message = first.message;
  if (first.code === 'unrecognized_keys') {
    const key = first.keys[0]!;
    path = path === '' ? key : `${path}.${key}`;
    message = first.keys.length > 1 ? `unknown field (also ${first.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : 'unknown field';
  }
  const more = error.issues.length - 1;
  if (more > 0) message += ` (and ${more} more problem${more === 1 ? '' : 's'})`;
  return problem(path, message);
}

/** Validates a parsed JSON value as a scenario@1 document. Never throws for bad input. */
export function parseScenario(input: unknown): ScenarioParse {
  if (!isPlainObject(input)) return problem('', NOT_A_SCENARIO);
  if (!('format' in input)) return problem('format', `missing; ${NOT_A_SCENARIO}`);
  if (input.format !== SCENARIO_FORMAT) return problem('format', `expected "${SCENARIO_FORMAT}", got ${show(input.format)}`);
  const program = input.program;
  if (!isPlainObject(program)) return problem('program', program === undefined ? 'missing; expected an object' : `expected an object, got ${show(program)}`);
  if (program.kind === 'rights-offering') {
    const r = rightsScenarioSchema.safeParse(input);
    if (!r.success) return fromZod(r.error);
    return checkRights(r.data as RightsScenario);
  }
  if (program.kind === 'odd-lot') {
    const r = oddLotScenarioSchema.safeParse(input);
    if (!r.success) return fromZod(r.error);
    return checkOddLot(r.data as OddLotScenario);
  }
  return problem('program.kind', `expected "rights-offering" or "odd-lot", got ${show(program.kind)}`);
}

/** Like `parseScenario`, throwing a `ScenarioError` (one-line message) on a bad scenario. */
export function readScenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new ScenarioError(r.problem);
  return r.scenario;
}

function timeExists(clock: WallClock, wall: string): boolean {
  return clock.tryInstant(wall) !== null;
}

const gapMessage = (wall: string, tz: string) => `${wall} does not exist in ${tz} (clocks move forward that night)`;

function checkRights(s: RightsScenario): ScenarioParse {
  const p = s.program;
  const clock = new WallClock(p.timeZone);
  if (!timeExists(clock, p.expiresAt)) return problem('program.expiresAt', gapMessage(p.expiresAt, p.timeZone));

  const classes = new Map<string, RightsClassSpec>();
  for (let i = 0; i < p.classes.length; i++) {
    const c = p.classes[i]!;
    if (classes.has(c.code)) return problem(`program.classes[${i}].code`, `duplicate class "${c.code}"`);
    classes.set(c.code, c);
  }

  // Plain indexed loops and one hash lookup per item: these run for every certificate and
  // election (a million of each), and a string-keyed lookup is the costliest step.
  const certs = s.certificates;
  const certificates = new CertificateIndex(certs.map((c) => c.number));
  if (certificates.duplicate !== null) {
    const { at, first } = certificates.duplicate;
    return problem(`certificates[${at}].number`, `duplicate certificate number "${certs[at]!.number}" (also certificates[${first}])`);
  }
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i]!;
    if (!classes.has(c.class)) {
      return problem(`certificates[${i}].class`, `unknown class ${named(c.class)}; the program has ${[...classes.keys()].map((k) => `"${k}"`).join(', ')}`);
    }
  }

  const electionOf = new Int32Array(certs.length).fill(-1);
  const elections = s.elections;
  for (let i = 0; i < elections.length; i++) {
    const e = elections[i]!;
    const c = certificates.get(e.certificate);
    if (c === undefined) return problem(`elections[${i}].certificate`, `unknown certificate ${named(e.certificate)}`);
    if (electionOf[c] !== -1) {
      return problem(`elections[${i}].certificate`, `certificate "${e.certificate}" already has an election (elections[${electionOf[c]}]); one election per certificate`);
    }
    electionOf[c] = i;
    if (!timeExists(clock, e.receivedAt)) return problem(`elections[${i}].receivedAt`, gapMessage(e.receivedAt, p.timeZone));
  }

  // A waiver naming a certificate that is not in the scenario is accepted and has no effect: the
  // contract's own example waives RT-000009, which its certificate list does not hold. (An
  // election for an unknown certificate is refused: it would be money with no rights to apply to.)
  return { ok: true, scenario: s };
}

function checkOddLot(s: OddLotScenario): ScenarioParse {
  const p = s.program;
  const clock = new WallClock(p.timeZone);
  if (!timeExists(clock, p.expiresAt)) return problem('program.expiresAt', gapMessage(p.expiresAt, p.timeZone));

  const prices = new Map<string, number>();
  for (const [i, pr] of s.prices.entries()) {
    const seen = prices.get(pr.date);
    if (seen !== undefined) return problem(`prices[${i}].date`, `duplicate closing price for ${pr.date} (also prices[${seen}])`);
    prices.set(pr.date, i);
  }

  const holders = new Map<string, number>();
  for (const [i, h] of s.holders.entries()) {
    const seen = holders.get(h.account);
    if (seen !== undefined) return problem(`holders[${i}].account`, `duplicate account "${h.account}" (also holders[${seen}])`);
    holders.set(h.account, i);
    if (h.planShares > h.sharesOnRecordDate) {
      return problem(`holders[${i}].planShares`, `more than sharesOnRecordDate (${h.planShares} > ${h.sharesOnRecordDate})`);
    }
  }

  for (const [i, o] of s.orders.entries()) {
    if (!holders.has(o.account)) return problem(`orders[${i}].account`, `unknown account ${named(o.account)}`);
    if (o.action === 'buy-up' && o.orderPrice === undefined) return problem(`orders[${i}].orderPrice`, 'missing; a buy-up needs the price on the order date, like "7.20"');
    if (!timeExists(clock, o.receivedAt)) return problem(`orders[${i}].receivedAt`, gapMessage(o.receivedAt, p.timeZone));
  }
  return { ok: true, scenario: s };
}
