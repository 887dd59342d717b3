import type { z } from 'zod';
import * as rs from './register-schemas';
import * as s from './schemas';
import * as ri from './register-import';
import type { ChosenRegisterFile, RegisterImportResult, RegisterProblemsPage, SavedLayout } from './register-import';
import * as amendments from './amendment-schemas';
import * as certificates from './certificates';
import * as batchControl from './batch-control';
import type { BatchClosedView, BatchControlView, BatchSummaryView } from './batch-control';
import * as audit from './audit';
import * as tin from './tin';
import * as lost from './lost';
import type { CaseView, DeadlineView, LostSettingsView } from './lost';
import type { RevealedTinView } from './tin';
import type { JournalActionView, JournalExportView, JournalSearchView } from './audit';
import * as payments from './payments';
import type { BankFileReport, BankLayoutView, CorrectedPaymentView, DepositSlipView, LedgerView, PaymentView } from './payments';
import type { MailingListExport } from './certificates';
import type { Role } from './schemas';
import * as intakeForms from './intake-forms';
import type { BatchItemView, BatchView, CertificateForForm, CorrectedElection, ElectionVerdict, EnvelopeView, SaveElectionAnswer } from './intake-forms';
import * as more from './intake-more';
import * as queue from './queue';
import * as letters from './letters';
import type { LettersListView } from './letters';
import * as reports from './reports';
import type {
  AmendmentsView,
  AmendmentView,
  BookInfo,
  FoundItem,
  JournalEntryView,
  JobStarted,
  JobView,
  Prefs,
  ProgramSummary,
  SessionStatus,
  SessionUser,
  TermsHistoryView,
  TermsVersionView,
  UserSummary,
} from './types';
import type { CertificateDetailView, CertificatesPageView, HeldForeignView, HolderView, RegisterEntriesView, RegisterSummaryView } from './register-types';

/** Who may call a channel: anyone (even before sign-in), any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

const ADMIN = ['admin'] as const;
const SUPERVISION = ['supervisor', 'admin'] as const;
/** Keying the mail: clerks and up. */
const KEYING = ['clerk', 'supervisor', 'admin'] as const;

/**
 * The one channel map. Main registers exactly one handler per entry and validates every
 * input against `input` whatever the renderer did; the preload forwards only these names.
 */
export const channels = {
  'session.status': { input: s.empty, access: 'public' },
  'session.createFirstAdmin': { input: s.firstAdminInput, access: 'public' },
  'session.signIn': { input: s.credentialsInput, access: 'public' },
  'session.signOut': { input: s.empty, access: 'public' },
  'session.lock': { input: s.empty, access: 'signed-in' },
  // Keyboard or mouse activity on the screen: keeps main's idle timer in step while a long form is keyed.
  'session.touch': { input: s.empty, access: 'signed-in' },
  'session.unlock': { input: s.unlockInput, access: 'public' },
  // The only channel (besides the session's own) open to a user whose password an administrator reset.
  'session.changePassword': { input: s.changePasswordInput, access: 'signed-in' },
  'users.list': { input: s.empty, access: ADMIN },
  'users.create': { input: s.newUserInput, access: ADMIN },
  'users.setActive': { input: s.setUserActiveInput, access: ADMIN },
  'users.setRole': { input: s.setUserRoleInput, access: ADMIN },
  'users.resetPassword': { input: s.resetPasswordInput, access: ADMIN },
  'users.unlock': { input: s.unlockUserInput, access: ADMIN },
  'programs.list': { input: s.empty, access: 'signed-in' },
  'programs.get': { input: s.programIdInput, access: 'signed-in' },
  'programs.create': { input: s.newProgramInput, access: SUPERVISION },
  'terms.history': { input: s.programIdInput, access: 'signed-in' },
  // The first call records the original terms (version 1); later calls append an amendment or extension.
  'terms.record': { input: s.recordTermsInput, access: SUPERVISION },
  // Once certificates are issued: a program's amendments with their status; one supervisor proposes, another decides.
  'terms.amendments': { input: s.programIdInput, access: 'signed-in' },
  'terms.proposeAmendment': { input: amendments.proposeAmendmentInput, access: SUPERVISION },
  'terms.decideAmendment': { input: amendments.decideAmendmentInput, access: SUPERVISION },
  'book.info': { input: s.empty, access: 'signed-in' },
  // Long jobs: each kind starts on a channel of its own and answers { jobId } at once, so each
  // keeps its own access rule here, checked before anything else like every channel (one
  // jobs.start({ kind }) would need a second, per-kind rule table inside its handler). The job's
  // progress and outcome come through jobs.list and main's job pushes; jobs.cancel stops it.
  'book.backup': { input: s.backupInput, access: SUPERVISION },
  'book.restore': { input: s.restoreInput, access: ADMIN },
  // Choosing the book: open before sign-in (a new workstation chooses first); the handler refuses while locked.
  'book.openFile': { input: s.empty, access: 'public' },
  // File ▸ New book…: main asks where with its save dialog; refuses a path where a file exists.
  'book.newFile': { input: s.empty, access: 'public' },
  'book.connect': { input: s.connectOfficeInput, access: 'public' },
  'journal.verify': { input: s.empty, access: SUPERVISION },
  'jobs.list': { input: s.empty, access: 'signed-in' },
  // The starter may cancel their own job; a supervisor or administrator anyone's (checked in the handler).
  'jobs.cancel': { input: s.jobIdInput, access: 'signed-in' },
  'journal.list': { input: s.journalListInput, access: SUPERVISION },
  // The audit trail for people: filtered windows, the actions present, a CSV export (main's dialog).
  'journal.search': { input: audit.journalSearchInput, access: SUPERVISION },
  'journal.actions': { input: s.empty, access: SUPERVISION },
  'journal.export': { input: audit.journalExportInput, access: SUPERVISION },
  'find': { input: s.findInput, access: 'signed-in' },
  // Certificates: issue once per program; print (a job, into a folder main's dialog chooses); a DUPLICATE reprint (a job).
  'certificates.issue': { input: certificates.issueCertificatesInput, access: SUPERVISION },
  'certificates.exportMailingList': { input: certificates.mailingListInput, access: SUPERVISION },
  'certificates.print': { input: certificates.printCertificatesInput, access: 'signed-in' },
  'certificates.reprint': { input: certificates.reprintCertificateInput, access: SUPERVISION },
  'prefs.get': { input: s.empty, access: 'public' },
  'prefs.set': { input: s.prefsPatchInput, access: 'public' },
  // The register and its certificates, read-only: any signed-in role (a clerk and up).
  'register.summary': { input: rs.registerSummaryInput, access: 'signed-in' },
  'register.entries': { input: rs.registerEntriesInput, access: 'signed-in' },
  'register.holder': { input: rs.registerHolderInput, access: 'signed-in' },
  'register.heldForeign': { input: rs.heldForeignInput, access: 'signed-in' },
  // A full TIN, to a supervisor with a reason, journaled (§15); masked everywhere else.
  'register.revealTin': { input: tin.revealTinInput, access: SUPERVISION },
  'certificates.list': { input: rs.certificatesListInput, access: 'signed-in' },
  'certificates.detail': { input: rs.certificateDetailInput, access: 'signed-in' },
  // Register import: main's dialog chooses the file (a token stands for it); the import is a job.
  'register.layouts': { input: ri.registerLayoutsInput, access: 'signed-in' },
  'register.saveLayout': { input: ri.registerSaveLayoutInput, access: SUPERVISION },
  'register.chooseFile': { input: ri.registerChooseFileInput, access: SUPERVISION },
  'register.startImport': { input: ri.registerStartImportInput, access: SUPERVISION },
  'register.importResult': { input: ri.registerJobInput, access: SUPERVISION },
  'register.problems': { input: ri.registerProblemsInput, access: SUPERVISION },
  'register.exportReport': { input: ri.registerExportReportInput, access: SUPERVISION },
  // Intake: the mail log (batches, envelopes stamped in New York time) and the election form.
  'intake.batches': { input: intakeForms.intakeBatchesInput, access: 'signed-in' },
  'intake.openBatch': { input: intakeForms.openBatchInput, access: KEYING },
  'intake.envelopes': { input: intakeForms.batchIdInput, access: 'signed-in' },
  'intake.addEnvelope': { input: intakeForms.addEnvelopeInput, access: KEYING },
  'intake.certificate': { input: intakeForms.certificateForFormInput, access: KEYING },
  // The live preview: the engine's verdict on what is keyed so far, nothing saved.
  'intake.assess': { input: intakeForms.assessElectionInput, access: KEYING },
  'intake.saveElection': { input: intakeForms.saveElectionInput, access: KEYING },
  'intake.correctElection': { input: intakeForms.correctElectionInput, access: KEYING },
  'intake.items': { input: intakeForms.batchIdInput, access: 'signed-in' },
  // Payments: clerks find, clear and return payments and read bank files (main's dialog chooses the
  // file); a supervisor splits a payment across elections and saves a bank's layout.
  'payments.find': { input: payments.findPaymentsInput, access: 'signed-in' },
  'payments.get': { input: payments.paymentIdInput, access: 'signed-in' },
  'payments.clear': { input: payments.clearPaymentInput, access: 'signed-in' },
  'payments.return': { input: payments.returnPaymentInput, access: 'signed-in' },
  'payments.split': { input: payments.splitPaymentInput, access: SUPERVISION },
  'payments.correct': { input: payments.correctPaymentInput, access: KEYING },
  'payments.bankLayouts': { input: payments.bankLayoutsInput, access: 'signed-in' },
  'payments.saveBankLayout': { input: payments.saveBankLayoutInput, access: SUPERVISION },
  'payments.readBankFile': { input: payments.readBankFileInput, access: 'signed-in' },
  'payments.bankFileReport': { input: payments.bankFileJobInput, access: 'signed-in' },
  'payments.exportUnmatched': { input: payments.bankFileInput, access: 'signed-in' },
  'payments.ledger': { input: payments.ledgerInput, access: 'signed-in' },
  'payments.depositSlip': { input: payments.depositSlipInput, access: 'signed-in' },
  // Lost, stolen, mutilated or destroyed certificates (§2c): clerks open and work cases; a supervisor sets the settings and approves bonds (four-eyes, checked in the service).
  'lost.settings': { input: lost.lostProgramInput, access: 'signed-in' },
  'lost.setSettings': { input: lost.lostSettingsInput, access: SUPERVISION },
  'lost.cases': { input: lost.lostProgramInput, access: 'signed-in' },
  'lost.case': { input: lost.caseIdInput, access: 'signed-in' },
  'lost.deadlines': { input: lost.lostProgramInput, access: 'signed-in' },
  'lost.openCase': { input: lost.openCaseInput, access: 'signed-in' },
  'lost.keyBond': { input: lost.keyBondInput, access: 'signed-in' },
  'lost.approveBond': { input: lost.approveBondInput, access: SUPERVISION },
  'lost.recordRemains': { input: lost.remainsInput, access: 'signed-in' },
  'lost.recover': { input: lost.recoverInput, access: 'signed-in' },
  'lost.replace': { input: lost.caseIdInput, access: 'signed-in' },
  'lost.printReplacement': { input: lost.caseIdInput, access: 'signed-in' },
  'lost.exportReport': { input: lost.exportReportInput, access: 'signed-in' },
  'lost.recordReport': { input: lost.secReportedInput, access: 'signed-in' },
  // Batch control: a batch's figures; closing a balanced batch (a clerk's own control); its report and confirmations (jobs, files chosen by main).
  'batchControl.list': { input: batchControl.batchListInput, access: 'signed-in' },
  'batchControl.figures': { input: batchControl.batchIdInput, access: 'signed-in' },
  'batchControl.close': { input: batchControl.closeBatchInput, access: 'signed-in' },
  'batchControl.printReport': { input: batchControl.batchIdInput, access: 'signed-in' },
  'batchControl.printConfirmations': { input: batchControl.batchIdInput, access: 'signed-in' },
  'batchControl.printConfirmation': { input: batchControl.electionIdInput, access: 'signed-in' },
  // Intake: nominees' DTC instructions, guaranteed deliveries, odd-lot orders (clerks and up). No channel
  // withdraws or edits an order or instruction once saved.
  'intakeItems.envelopes': { input: more.programIdOnly, access: 'signed-in' },
  'dtc.preview': { input: more.dtcPreviewInput, access: 'signed-in' },
  'dtc.save': { input: more.dtcInstructionInput, access: 'signed-in' },
  'dtc.correct': { input: more.correctDtcInstructionInput, access: KEYING },
  'dtc.list': { input: more.programIdOnly, access: 'signed-in' },
  'dtc.keyed': { input: more.dtcKeyedInput, access: 'signed-in' },
  'dtc.importFile': { input: more.dtcImportInput, access: 'signed-in' },
  'dtc.importResult': { input: more.dtcImportJobInput, access: 'signed-in' },
  'guaranteed.save': { input: more.guaranteedNoticeInput, access: 'signed-in' },
  'guaranteed.cover': { input: more.guaranteedCoverInput, access: 'signed-in' },
  'guaranteed.list': { input: more.programIdOnly, access: 'signed-in' },
  'oddLot.check': { input: more.oddLotOrderInput, access: 'signed-in' },
  'oddLot.save': { input: more.oddLotOrderInput, access: 'signed-in' },
  'oddLot.list': { input: more.programIdOnly, access: 'signed-in' },
  // The supervisor's queue of irregular items and their decisions (§11); four-eyes is checked in the service.
  'queue.list': { input: queue.queueListInput, access: SUPERVISION },
  'queue.item': { input: queue.queueItemInput, access: SUPERVISION },
  'queue.decide': { input: queue.queueDecideInput, access: SUPERVISION },
  // Letters to holders (a job, the file chosen by main): clerks and up, since a letter decides nothing.
  'letters.print': { input: letters.printLettersInput, access: KEYING },
  'letters.list': { input: letters.lettersListInput, access: 'signed-in' },
  // §10 reports: the agent's representations to the company and a listing of every holder (§15): supervisors.
  'reports.daily': { input: reports.dailyReportInput, access: SUPERVISION },
  'reports.holders': { input: reports.holderListingInput, access: SUPERVISION },
  'reports.final': { input: reports.finalReportInput, access: SUPERVISION },
  'reports.print': { input: reports.reportOutputInput, access: SUPERVISION },
  'reports.export': { input: reports.reportOutputInput, access: SUPERVISION },
} as const satisfies Record<string, { input: z.ZodType; access: Access }>;

export type Channel = keyof typeof channels;
export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

/** What each channel returns on success. */
export interface ChannelResults {
  'session.status': SessionStatus;
  'session.createFirstAdmin': SessionUser;
  'session.signIn': SessionUser;
  'session.signOut': null;
  'session.lock': null;
  'session.touch': null;
  'session.unlock': SessionUser;
  'session.changePassword': SessionUser;
  'users.list': UserSummary[];
  'users.create': UserSummary;
  'users.setActive': UserSummary;
  'users.setRole': UserSummary;
  'users.resetPassword': UserSummary;
  'users.unlock': UserSummary;
  'programs.list': ProgramSummary[];
  'programs.get': ProgramSummary;
  'programs.create': ProgramSummary;
  'terms.history': TermsHistoryView;
  'terms.record': TermsVersionView;
  'terms.amendments': AmendmentsView;
  'terms.proposeAmendment': AmendmentView;
  'terms.decideAmendment': AmendmentView;
  'book.info': BookInfo;
  'book.backup': JobStarted;
  'book.restore': JobStarted;
  'book.openFile': BookInfo;
  'book.newFile': BookInfo;
  'book.connect': BookInfo;
  'journal.verify': JobStarted;
  'jobs.list': JobView[];
  'jobs.cancel': JobView;
  'journal.list': JournalEntryView[];
  'journal.search': JournalSearchView;
  'journal.actions': JournalActionView[];
  'journal.export': JournalExportView;
  'find': FoundItem[];
  'prefs.get': Prefs;
  'prefs.set': Prefs;
  'register.summary': RegisterSummaryView;
  'register.entries': RegisterEntriesView;
  'register.holder': HolderView;
  'register.heldForeign': HeldForeignView;
  'register.revealTin': RevealedTinView;
  'certificates.list': CertificatesPageView;
  'certificates.detail': CertificateDetailView;
  'register.layouts': SavedLayout[];
  'register.saveLayout': SavedLayout;
  'register.chooseFile': ChosenRegisterFile;
  'register.startImport': JobStarted;
  'register.importResult': RegisterImportResult;
  'register.problems': RegisterProblemsPage;
  'register.exportReport': { fileName: string };
  'certificates.issue': JobStarted;
  'certificates.exportMailingList': MailingListExport;
  'certificates.print': JobStarted;
  'certificates.reprint': JobStarted;
  'intake.batches': BatchView[];
  'intake.openBatch': BatchView;
  'intake.envelopes': EnvelopeView[];
  'intake.addEnvelope': EnvelopeView;
  'intake.certificate': CertificateForForm;
  'intake.assess': ElectionVerdict;
  'intake.saveElection': SaveElectionAnswer;
  'intake.correctElection': CorrectedElection;
  'intake.items': BatchItemView[];
  'payments.find': PaymentView[];
  'payments.get': PaymentView;
  'payments.clear': PaymentView;
  'payments.return': PaymentView;
  'payments.split': PaymentView;
  'payments.correct': CorrectedPaymentView;
  'payments.bankLayouts': BankLayoutView[];
  'payments.saveBankLayout': BankLayoutView;
  'payments.readBankFile': JobStarted;
  'payments.bankFileReport': BankFileReport;
  'payments.exportUnmatched': { fileName: string; lines: number };
  'payments.ledger': LedgerView;
  'payments.depositSlip': DepositSlipView;
  'lost.settings': LostSettingsView | null;
  'lost.setSettings': LostSettingsView;
  'lost.cases': CaseView[];
  'lost.case': CaseView;
  'lost.deadlines': DeadlineView[];
  'lost.openCase': CaseView;
  'lost.keyBond': CaseView;
  'lost.approveBond': CaseView;
  'lost.recordRemains': CaseView;
  'lost.recover': CaseView;
  'lost.replace': CaseView;
  'lost.printReplacement': JobStarted;
  'lost.exportReport': { fileName: string };
  'lost.recordReport': CaseView;
  'batchControl.list': BatchSummaryView[];
  'batchControl.figures': BatchControlView;
  'batchControl.close': BatchClosedView;
  'batchControl.printReport': JobStarted;
  'batchControl.printConfirmations': JobStarted;
  'batchControl.printConfirmation': JobStarted;
  'intakeItems.envelopes': more.OpenEnvelopeView[];
  'dtc.preview': more.DtcPreview;
  'dtc.save': more.DtcInstructionView;
  'dtc.correct': more.DtcInstructionView;
  'dtc.list': more.DtcInstructionView[];
  'dtc.keyed': more.KeyedDtcInstruction;
  'dtc.importFile': JobStarted;
  'dtc.importResult': more.DtcImportResult;
  'guaranteed.save': more.GuaranteedNoticeView;
  'guaranteed.cover': more.GuaranteedNoticeView;
  'guaranteed.list': more.GuaranteedNoticeView[];
  'oddLot.check': more.OddLotEligibilityView;
  'oddLot.save': more.OddLotOrderView;
  'oddLot.list': more.OddLotOrderView[];
  'queue.list': queue.QueueListView;
  'queue.item': queue.ItemFileView;
  'queue.decide': queue.DecidedView;
  'letters.print': JobStarted;
  'letters.list': LettersListView;
  'reports.daily': reports.DailyReportView;
  'reports.holders': reports.HolderListingView;
  'reports.final': reports.FinalReportView;
  'reports.print': JobStarted;
  'reports.export': reports.ReportExportView;
}

/** What the renderer passes (before defaults are applied in main). */
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
/** What a handler receives, after validation. */
export type ChannelParsed<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelResult<C extends Channel> = ChannelResults[C];

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
