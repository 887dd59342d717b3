/**
 * The SEC's Lost and Stolen Securities Program (Rule 17f-1, Form X-17F-1A): each case's report
 * as data (JSON, the items of the form as this desk reads them — see the README for which were
 * confirmed against the SEC's own text), its due date on the deadline list (a theft within one
 * business day of discovery, a loss not found within two, a recovery within one, on the terms'
 * business-day calendar), and the filing recorded with its confirmation. One change each.
 */
import { instantToWallTime, type CalendarName } from '../../../../shared/domain';
import { recoveryReportDue, reportDue, type CaseKind } from '../../../../shared/domain/lost';
import type { CaseView, DeadlineView } from '../../../../shared/ipc/lost';
import { DeskFailure } from '../../../../shared/ipc/result';
import { RIGHTS_AGENT } from '../../pdf/certificate-text';
import type { BookStore, JournalActor, ReadRepos } from '../../store/port';
import { rightsProgram } from '../certificates';
import { expiresAtFor } from '../intake/assess';
import { listCases, viewCase } from './cases';

/** The form's category for each kind of case: a destroyed certificate is reported as lost. */
const FORM_CATEGORY: Readonly<Record<CaseKind, string>> = { lost: 'lost', stolen: 'stolen', destroyed: 'lost', mutilated: 'lost' };

export interface FormX17F1A {
  readonly form: 'X-17F-1A';
  readonly reportType: 'initial' | 'recovery';
  readonly dueDate: string | null;
  readonly reportingInstitution: { readonly name: string; readonly address: string; readonly capacity: string };
  readonly issuer: string;
  readonly cusip: string;
  readonly securityDescription: string;
  readonly certificateNumber: string;
  readonly quantity: number;
  readonly registeredOwner: readonly string[];
  readonly category: string;
  readonly discoveredOn: string;
  readonly circumstances: string;
  readonly lawEnforcementNotified: boolean;
  readonly policeReport: string | null;
  readonly recoveredOn: string | null;
}

function dueDates(view: CaseView, calendar: CalendarName): { initial: string | null; recovery: string | null } {
  const initial = reportDue(view.kind, view.discoveredOn, calendar);
  return { initial, recovery: initial !== null && view.recoveredOn !== null ? recoveryReportDue(view.recoveredOn, calendar) : null };
}

export async function formX17F1A(r: ReadRepos, caseId: number, reportType: 'initial' | 'recovery', at: string): Promise<FormX17F1A> {
  const view = await viewCase(r, caseId, at);
  const { program, terms } = await rightsProgram(r, view.programId);
  const due = dueDates(view, terms.businessDays as CalendarName);
  if (view.kind === 'mutilated') throw new DeskFailure('CONFLICT', `Case ${caseId}: a mutilated certificate surrendered to the agent is not missing; there is no Form X-17F-1A to file`, 'caseId');
  if (reportType === 'recovery' && view.recoveredOn === null) throw new DeskFailure('CONFLICT', `Case ${caseId}: the original has not been recovered; record the recovery first`, 'reportType');
  const cls = terms.classes.find((c) => c.code === view.class);
  return {
    form: 'X-17F-1A', reportType, dueDate: reportType === 'initial' ? due.initial : due.recovery,
    reportingInstitution: { name: RIGHTS_AGENT.name, address: RIGHTS_AGENT.office, capacity: 'transfer agent (rights agent)' },
    issuer: program.issuer, cusip: program.cusip,
    securityDescription: `${cls?.transferable === true ? 'Transferable' : 'Non-transferable'} subscription rights, class ${view.class}`,
    certificateNumber: view.certificateNumber, quantity: view.firmRights, registeredOwner: view.registration,
    category: FORM_CATEGORY[view.kind], discoveredOn: view.discoveredOn, circumstances: view.circumstances,
    lawEnforcementNotified: view.policeReport !== null, policeReport: view.policeReport, recoveredOn: view.recoveredOn,
  };
}

/** Everything due on the program's cases, soonest first: reports not yet filed, replacements before expiration. */
export async function deadlineList(r: ReadRepos, programId: number, at: string): Promise<DeadlineView[]> {
  const { terms } = await rightsProgram(r, programId);
  const calendar = terms.businessDays as CalendarName;
  const today = instantToWallTime(Date.parse(at), terms.timeZone).slice(0, 10);
  const out: DeadlineView[] = [];
  for (const view of await listCases(r, programId, at)) {
    const due = dueDates(view, calendar);
    const filed = (type: 'initial' | 'recovery') => view.reports.some((p) => p.reportType === type);
    const add = (what: string, date: string) => out.push({ caseId: view.id, certificateNumber: view.certificateNumber, what, due: date, overdue: today > date });
    if (due.initial !== null && !filed('initial')) add(`Form X-17F-1A: report the ${view.kind} certificate`, due.initial);
    if (due.recovery !== null && !filed('recovery')) add('Form X-17F-1A: report the recovery', due.recovery);
    if (view.replacement === null && view.recoveredOn === null) add('Replace before the rights expire', instantToWallTime(expiresAtFor(terms, view.class), terms.timeZone).slice(0, 10));
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.caseId - b.caseId);
}

export async function recordSecReport(store: BookStore, by: JournalActor, input: { caseId: number; reportType: 'initial' | 'recovery'; filedOn: string; confirmation: string }): Promise<CaseView> {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Reports are recorded by signed-in users');
  const userId = by.id;
  return store.change(by, 'lost.secReported', async (tx, at) => {
    const form = await formX17F1A(tx, input.caseId, input.reportType, at);
    const view = await viewCase(tx, input.caseId, at);
    if (view.reports.some((p) => p.reportType === input.reportType)) throw new DeskFailure('CONFLICT', `Case ${input.caseId}: the ${input.reportType} report was already recorded`, 'reportType');
    await tx.lost.insert('lost_case_events', { caseId: input.caseId, kind: 'sec-reported', detail: { reportType: input.reportType, filedOn: input.filedOn, confirmation: input.confirmation, dueDate: form.dueDate }, at, createdBy: userId });
    const late = form.dueDate !== null && input.filedOn > form.dueDate;
    return { payload: { caseId: input.caseId, number: form.certificateNumber, reportType: input.reportType, filedOn: input.filedOn, dueDate: form.dueDate, late, confirmation: input.confirmation }, result: await viewCase(tx, input.caseId, at) };
  });
}
