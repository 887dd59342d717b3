/**
 * Journal actions in words, for people reading the audit trail ("Terms amended", not
 * `terms.amendmentApproved`). Every action the desk writes has its words here (a test scans the
 * sources for actions without them); an action from a newer desk still reads as words.
 */
const WORDS: Readonly<Record<string, string>> = {
  'book.created': 'Book created',
  'book.migrated': 'Book upgraded to a newer schema',
  'book.backedUp': 'Backup taken',
  'book.restored': 'Book restored from a backup',
  'book.replaced': 'Book replaced by a restored copy',
  'book.headBehind': 'Journal found behind what this workstation had seen',
  'book.tinkey': 'TIN key set up',
  'session.signedIn': 'Signed in',
  'session.signedOut': 'Signed out',
  'session.signInFailed': 'Sign-in failed',
  'session.unlocked': 'Screen unlocked',
  'session.unlockFailed': 'Screen unlock failed',
  'user.created': 'User created',
  'user.activated': 'User reactivated',
  'user.deactivated': 'User deactivated',
  'user.passwordChanged': 'Password changed',
  'user.passwordReset': 'Password reset',
  'user.roleChanged': 'Role changed',
  'user.unlocked': 'Account unlocked',
  'program.created': 'Program created',
  'terms.recorded': 'Terms recorded',
  'terms.amendmentProposed': 'Terms amendment proposed',
  'terms.amendmentApproved': 'Terms amended',
  'terms.amendmentRejected': 'Terms amendment rejected',
  'register.imported': 'Register imported',
  'register.layoutSaved': 'Import layout saved',
  'holder.noted': 'Note added to a holder',
  'certificates.issued': 'Certificates issued',
  'certificates.printed': 'Certificates printed',
  'certificates.mailingListExported': 'Mailing list exported',
  'certificate.reprinted': 'Certificate reprinted (DUPLICATE)',
  'lost.settingsSet': 'Indemnity settings set',
  'lost.caseOpened': 'Lost certificate case opened (certificate stopped)',
  'lost.bondKeyed': 'Indemnity bond keyed',
  'lost.bondApproved': 'Indemnity bond approved',
  'lost.remainsSurrendered': 'Mutilated certificate surrendered',
  'lost.recovered': 'Lost certificate recovered',
  'lost.replaced': 'Certificate replaced (original cancelled)',
  'lost.replacementPrinted': 'Replacement certificate printed',
  'lost.secReported': 'SEC report (Form X-17F-1A) recorded',
  'lost.reportExported': 'SEC report (Form X-17F-1A) exported',
  'journal.exported': 'Audit trail exported',
  'tin.revealed': 'Full TIN shown to a supervisor',
  'intake.batchOpened': 'Mail batch opened',
  'intake.envelopeStamped': 'Envelope stamped',
  'election.keyed': 'Election keyed',
  'election.corrected': 'Election corrected (reversed and keyed again)',
  'payment.cleared': 'Payment cleared',
  'payment.returned': 'Payment returned unpaid',
  'payment.split': 'Payment split across elections',
  'payment.corrected': 'Payment keyed wrong reversed and keyed again',
  'payments.bankFileRead': 'Bank clearance file applied',
  'payments.bankLayoutSaved': 'Bank file layout saved',
  'batch.closed': 'Batch closed',
  'batch.reportPrinted': 'Batch control report printed',
  'reports.printed': 'Section 10 report printed',
  'reports.exported': 'Section 10 report exported',
  'batch.confirmationsPrinted': 'Confirmations of a batch printed',
  'election.confirmationPrinted': 'Confirmation of an election printed',
  // Intake: DTC instructions, guaranteed deliveries, odd-lot orders.
  'intake.dtcInstructionKeyed': 'DTC instruction keyed',
  'intake.dtcInstructionCorrected': 'DTC instruction corrected under its VOI number',
  'intake.dtcInstructionsImported': 'DTC instructions imported from a file',
  'intake.guaranteedDeliveryKeyed': 'Notice of guaranteed delivery keyed',
  'intake.guaranteedDeliveryCovered': 'Certificate received for a guaranteed delivery',
  'intake.oddLotOrderKeyed': 'Odd-lot order keyed',
  // The supervisor's decisions on irregular items (§11).
  'decision.waived': 'Deficiency waived',
  'decision.cureAllowed': 'Cure allowed by a date',
  'decision.cured': 'Deficiency cured',
  'decision.rejected': 'Item rejected (good funds scheduled for refund)',
  // Letters to holders: deficiency, cure, rejection and foreign-holder letters.
  'letters.printed': 'Letters to holders printed',
};

/** The words for an action; one without its own reads as its parts ("batch.closed" → "Batch closed"). */
export function actionWords(action: string): string {
  const known = WORDS[action];
  if (known !== undefined) return known;
  const words = action
    .split('.')
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '))
    .map((w) => w.toLowerCase())
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function hasActionWords(action: string): boolean {
  return action in WORDS;
}
