/**
 * The indemnity bond (§2c): its premium = the bond rate × the market value of the rights left on
 * the certificate on the stop date (value per right × rights), at least the minimum premium,
 * rounded to the cent half-up (shared/domain/lost.ts); plus the processing fee and the expenses
 * reimbursed, all of which the payment received must cover. A supervisor other than the one who
 * opened the case approves it (four-eyes; main checks the role, this checks the person).
 */
import { instantToWallTime } from '../../../../shared/domain';
import { bondQuote } from '../../../../shared/domain/lost';
import { centsOf, formatCents } from '../../../../shared/domain/money';
import type { CaseView } from '../../../../shared/ipc/lost';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, JournalActor, WriteRepos } from '../../store/port';
import { rightsProgram } from '../certificates';
import { bondRequired, type CaseFile } from './case-file';
import { openCaseFile, viewCase } from './cases';
import { twoDecimals } from './settings';

export interface KeyBondInput {
  readonly caseId: number;
  readonly expenses: string;
  readonly paymentReceived: string;
  readonly surety: string;
  readonly bondReference: string;
}

/** The New York date the stop went on: the day whose market value the premium is figured on. */
async function stopDate(tx: WriteRepos, file: CaseFile, timeZone: string): Promise<string> {
  const stop = (await tx.certificates.events(file.certificate.id)).find((e) => e.kind === 'stopped');
  if (!stop) throw new Error(`Case ${file.record.id}: certificate ${file.certificate.number} carries no stop`);
  return instantToWallTime(Date.parse(stop.at), timeZone).slice(0, 10);
}

export async function keyBond(store: BookStore, by: JournalActor, input: KeyBondInput): Promise<CaseView> {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Bonds are keyed by signed-in users');
  const userId = by.id;
  return store.change(by, 'lost.bondKeyed', async (tx, at) => {
    const file = await openCaseFile(tx, input.caseId, 'bonded');
    if (!bondRequired(file)) throw new DeskFailure('CONFLICT', `Case ${input.caseId}: the mutilated certificate was surrendered and is identifiable, so no bond is needed`, 'caseId');
    const { program, terms } = await rightsProgram(tx, file.record.programId);
    const settings = await tx.lost.currentSettings(file.record.programId);
    if (!settings) throw new DeskFailure('CONFLICT', `${program.name} has no indemnity settings yet (bond rate, minimum premium, value per right, fee): a supervisor sets them first`, 'caseId');
    const rights = Math.max(0, file.certificate.firmRights - file.exercised);
    const quote = bondQuote(settings, rights);
    const expenses = twoDecimals(input.expenses);
    const paymentReceived = twoDecimals(input.paymentReceived);
    const dueCents = centsOf(quote.premium) + centsOf(settings.processingFee) + centsOf(expenses);
    if (centsOf(paymentReceived) < dueCents) {
      throw new DeskFailure('INVALID_INPUT', `Payment received: ${paymentReceived} does not cover the premium ${quote.premium}, the processing fee ${settings.processingFee} and the expenses ${expenses} (${formatCents(dueCents)} in all)`, 'paymentReceived');
    }
    const row = {
      caseId: input.caseId, settingsId: settings.id, stopDate: await stopDate(tx, file, terms.timeZone), rights, marketValue: quote.marketValue, premium: quote.premium,
      processingFee: settings.processingFee, expenses, paymentReceived, surety: input.surety, bondReference: input.bondReference, keyedAt: at, keyedBy: userId,
    };
    const bondId = await tx.lost.insert('indemnity_bonds', row);
    const { keyedAt: _k, keyedBy: _b, ...facts } = row;
    return { payload: { bondId, number: file.certificate.number, settingsVersion: settings.version, bondRate: settings.bondRate, valuePerRight: settings.valuePerRight, minimumApplied: quote.minimumApplied, ...facts }, result: await viewCase(tx, input.caseId, at) };
  });
}

export async function approveBond(store: BookStore, by: JournalActor, input: { caseId: number; bondId: number }): Promise<CaseView> {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Bonds are approved by a signed-in supervisor');
  const userId = by.id;
  return store.change(by, 'lost.bondApproved', async (tx, at) => {
    const file = await openCaseFile(tx, input.caseId, 'approved');
    const bond = file.bonds.find((b) => b.id === input.bondId);
    if (!bond) throw new DeskFailure('NOT_FOUND', `Bond: case ${input.caseId} has no bond ${input.bondId}`, 'bondId');
    if (file.record.openedBy === userId) throw new DeskFailure('FORBIDDEN', 'Four eyes: the bond is approved by a supervisor other than the one who opened the case', 'bondId');
    if (file.events.some((e) => e.kind === 'bond-approved' && (e.detail as Record<string, unknown>)['bondId'] === bond.id)) throw new DeskFailure('CONFLICT', `Bond ${bond.bondReference} is approved already`, 'bondId');
    await tx.lost.insert('lost_case_events', { caseId: input.caseId, kind: 'bond-approved', detail: { bondId: bond.id, bondReference: bond.bondReference, premium: bond.premium }, at, createdBy: userId });
    return { payload: { caseId: input.caseId, number: file.certificate.number, bondId: bond.id, bondReference: bond.bondReference, premium: bond.premium, openedBy: file.record.openedBy }, result: await viewCase(tx, input.caseId, at) };
  });
}
