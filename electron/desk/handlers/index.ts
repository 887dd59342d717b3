import { batchControlHandlers } from './batch-control';
import { bookHandlers } from './book';
import { bookChoiceHandlers } from './book-choice';
import { certificatesHandlers } from './certificates';
import { findHandlers } from './find';
import { intakeHandlers } from './intake';
import { jobsHandlers } from './jobs';
import { journalHandlers } from './journal';
import { paymentsHandlers } from './payments';
import { lostHandlers } from './lost';
import { lettersHandlers } from './letters';
import { intakeDtcHandlers } from './intake-dtc';
import { oddLotHandlers } from './odd-lot';
import { prefsHandlers } from './prefs';
import { programsHandlers } from './programs';
import { queueHandlers } from './queue';
import { registerViewsHandlers } from './register-views';
import { registerImportHandlers } from './register-import';
import { reportsHandlers } from './reports';
import { sessionHandlers } from './session';
import { termsHandlers } from './terms';
import { tinHandlers } from './tins';
import type { HandlerTable } from './types';
import { usersHandlers } from './users';

/** One handler per channel of shared/ipc/channels.ts; the compiler checks none is missing. */
export const handlers: HandlerTable = {
  ...sessionHandlers,
  ...usersHandlers,
  ...programsHandlers,
  ...termsHandlers,
  ...bookHandlers,
  ...bookChoiceHandlers,
  ...findHandlers,
  ...journalHandlers,
  ...jobsHandlers,
  ...prefsHandlers,
  ...registerViewsHandlers,
  ...registerImportHandlers,
  ...certificatesHandlers,
  ...tinHandlers,
  ...intakeHandlers,
  ...paymentsHandlers,
  ...lostHandlers,
  ...batchControlHandlers,
  ...intakeDtcHandlers,
  ...oddLotHandlers,
  ...queueHandlers,
  ...lettersHandlers,
  ...reportsHandlers,
};
