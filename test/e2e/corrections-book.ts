/** A book for the corrections' e2e tests: an administrator, a clerk, and the XO offering. */
import { rightsOfferingTermsSchema } from '../../shared/domain';
import { XO_TERMS_JSON } from '../../shared/domain/testing/terms';
import { createFirstAdmin, createUser } from '../../electron/desk/services/accounts';
import { issueCertificates } from '../../electron/desk/services/certificates';
import { createProgram } from '../../electron/desk/services/programs';
import { recordTerms } from '../../electron/desk/services/terms';
import { actorOf } from '../../electron/desk/services/views';
import { openStore } from '../../electron/desk/store/open-store';
import { entry, writeRegister } from '../../electron/desk/testing/xo-register-fixture';
import { ADMIN, CLERK } from './harness';

/** The XO offering with three holders of 1,000 class A rights, certificates RT-000001 … RT-000003. */
export async function prepareBook(bookPath: string): Promise<void> {
  const store = await openStore(bookPath, { now: () => new Date(), mode: 'create' });
  const admin = await createFirstAdmin(store, ADMIN);
  await createUser(store, admin, { ...CLERK, role: 'clerk' });
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' });
  await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  const holders = Array.from({ length: 3 }, (_, i) => entry({ account: `E-${String(i + 1).padStart(2, '0')}`, class: 'A', units: '1000', registration: [`HOLDER ${i + 1} ŁÓDŹ`, '', '', ''] }, i + 2));
  await writeRegister(store, { programId: program.id, supervisor: admin }, holders);
  await issueCertificates(store, actorOf(admin), program.id);
  await store.close();
}
