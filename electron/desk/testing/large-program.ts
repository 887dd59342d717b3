// A program of many elections for the queue's bench and the tests of its reading at scale: one
// certificate and one form per registered holder, every tenth form unsigned (so a tenth of the
// program is in the queue), each paid with a money order; keyed in one change.
import { rightsOfferingTermsSchema } from '../../../shared/domain';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { SessionUser } from '../../../shared/ipc/types';
import { createFirstAdmin, createUser } from '../services/accounts';
import { addEnvelope, openBatch } from '../services/intake/mail-log';
import { createProgram } from '../services/programs';
import { recordTerms } from '../services/terms';
import type { BookStore, NewIntakeRow, NewRegisterEntry } from '../store/port';
import { writeCertificates, writeRegister } from './register-fixture-screens';

/** The moment the fixture's batch is opened and its envelope logged. */
export const QUEUE_KEYED_AT = new Date('2003-12-10T15:00:00.000Z');

function* entries(rows: number): Generator<NewRegisterEntry> {
  for (let i = 0; i < rows; i++) {
    yield {
      line: i + 2, account: `AC${String(i).padStart(8, '0')}`, class: 'A', registration: [`HOLDER ${i} REGISTERED OWNER`, '', '', ''],
      address1: `${i} Main Street`, address2: '', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US',
      tinType: 'NONE', tinLast4: null, tinEncrypted: null, units: String((i % 9_999) + 100), nominee: '', planShares: '0',
    };
  }
}

export async function largeProgramBook(store: BookStore, elections: number): Promise<{ programId: number; checker: SessionUser }> {
  const admin = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'analytical-engine-1843' });
  const actor = { id: admin.id, username: admin.username };
  const vera = await createUser(store, admin, { username: 'vera', displayName: 'Vera Checker', password: 'analytical-engine-1843', role: 'supervisor' });
  const program = await createProgram(store, admin, { kind: 'rights-offering', name: 'XO rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2003-10-10' });
  await recordTerms(store, admin, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(XO_TERMS_JSON) });
  await writeRegister(store, actor, program.id, entries(elections), { rowCount: elections, slice: 20_000 });
  await writeCertificates(store, actor, program.id);
  const batch = await openBatch(store, actor, { programId: program.id, receiptDate: '2003-12-01' }, QUEUE_KEYED_AT);
  const envelope = await addEnvelope(store, actor, { batchId: batch.id, stampedLocal: '2003-12-01T10:00', source: 'mail', itemCount: 500 }, QUEUE_KEYED_AT);
  const certificateIds = await store.read(async (r) => (await r.certificates.list(program.id, {}, 0, elections)).map((c) => c.id));
  await store.change(actor, 'bench.electionsLoaded', async (tx, at) => {
    const base = { programId: program.id, batchId: batch.id, envelopeId: envelope.id, keyedAt: at, keyedBy: admin.id };
    const keyed: NewIntakeRow<'elections'>[] = certificateIds.map((certificateId, i) => ({
      ...base, kind: 'form', certificateId, basicShares: 50, oversubscriptionShares: 0, facts: { signed: i % 10 !== 0, signatureMatchesRegistration: true, allJointHoldersSigned: true, taxFormOnFile: true },
      voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null,
    }));
    const electionIds = await tx.intake.insertMany('elections', keyed);
    await tx.intake.insertMany('payments', electionIds.map((electionId, i) => ({ ...base, electionId, oddLotOrderId: null, method: 'money-order', amount: '250.00', checkNumber: String(100_000 + i), abaRouting: null, bankAccount: null, payer: `HOLDER ${i}`, reference: null })));
    return { payload: { elections: electionIds.length }, result: null };
  });
  await store.checkpoint();
  return { programId: program.id, checker: { id: vera.id, username: vera.username, displayName: vera.displayName, role: vera.role } };
}
