/**
 * A record-date register and its certificates, written straight through the repositories in one
 * change each (as the import and issue jobs would), for the screens' tests and benches. The TIN
 * ciphertext here is random bytes standing in for the real sealing: the screens must never show
 * it, whatever it holds.
 */
import { randomBytes } from 'node:crypto';
import type { BookStore, JournalActor, NewCertificate, NewRegisterEntry, RegisterEntryRecord } from '../store/port';

export interface SampleHolder {
  readonly account: string;
  readonly class?: string;
  readonly registration: readonly [string, string?, string?, string?];
  readonly address1: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly country?: string;
  readonly tin?: { readonly type: 'SSN' | 'ITIN' | 'EIN'; readonly digits: string };
  readonly units: string;
}

export const entryOf = (h: SampleHolder, line: number): NewRegisterEntry => ({
  line,
  account: h.account,
  class: h.class ?? 'A',
  registration: [h.registration[0], h.registration[1] ?? '', h.registration[2] ?? '', h.registration[3] ?? ''],
  address1: h.address1,
  address2: '',
  city: h.city,
  state: h.state,
  postalCode: h.postalCode,
  country: h.country ?? 'US',
  tinType: h.tin?.type ?? 'NONE',
  tinLast4: h.tin ? h.tin.digits.slice(-4) : null,
  tinEncrypted: h.tin ? randomBytes(40) : null,
  units: h.units,
  nominee: '',
  planShares: '0',
});

/** Writes one import of `entries` (streamed in slices, so a million stay bounded) and returns how many. */
export async function writeRegister(
  store: BookStore,
  actor: JournalActor,
  programId: number,
  entries: Iterable<NewRegisterEntry>,
  options: { fileName?: string; rowCount: number; slice?: number },
): Promise<number> {
  const slice = options.slice ?? 5_000;
  return store.change(actor, 'register.imported', async (tx, at) => {
    const record = await tx.register.insertImport({
      programId, fileName: options.fileName ?? 'register.csv', fileSha256: 'a'.repeat(64), layout: 'default', rowCount: options.rowCount,
      imported: options.rowCount, rejected: 0, goodRowsOnly: false, importedAt: at, importedBy: actor.id,
    });
    let written = 0;
    let batch: NewRegisterEntry[] = [];
    for (const entry of entries) {
      batch.push(entry);
      if (batch.length === slice) {
        written += await tx.register.insertEntries(programId, record.id, batch);
        batch = [];
      }
    }
    written += await tx.register.insertEntries(programId, record.id, batch);
    return { payload: { programId, importId: record.id, imported: written }, result: written };
  });
}

/**
 * Issues a certificate per entry, in (account, class) order, numbered RT-000001 …; firm rights
 * are the whole units (one right per unit); those outside the US are held (§9).
 */
export async function writeCertificates(store: BookStore, actor: JournalActor, programId: number): Promise<number> {
  return store.change(actor, 'certificates.issued', async (tx, at) => {
    const all: RegisterEntryRecord[] = [];
    for (let offset = 0; ; offset += 5_000) {
      const slice = await tx.register.entries(programId, { offset, limit: 5_000 });
      all.push(...slice);
      if (slice.length < 5_000) break;
    }
    const certificates: NewCertificate[] = all.map((e, i) => ({
      seq: i + 1, number: `RT-${String(i + 1).padStart(6, '0')}`, class: e.class, entryId: e.id, account: e.account,
      units: e.units, firmRights: Number.parseInt(e.units.split('.')[0] ?? '0', 10), held: e.country !== 'US',
    }));
    const totals: Record<string, { certificates: number; held: number; units: string; firmRights: number }> = {};
    for (const c of certificates) {
      const t = (totals[c.class] ??= { certificates: 0, held: 0, units: '0', firmRights: 0 });
      t.certificates += 1;
      t.held += c.held ? 1 : 0;
      t.units = String(BigInt(t.units) + BigInt(c.units.split('.')[0] ?? '0'));
      t.firmRights += c.firmRights;
    }
    const issue = await tx.certificates.insertIssue({ programId, issuedAt: at, issuedBy: actor.id, certificates: certificates.length, totals });
    await tx.certificates.insertMany(programId, issue.id, at, certificates);
    return { payload: { programId, certificates: certificates.length }, result: certificates.length };
  });
}

/** Records something that happened to a certificate (printed, reprinted, the §9 letter sent). */
export async function writeCertificateEvent(store: BookStore, actor: JournalActor, certificateId: number, kind: string, detail: Record<string, unknown>): Promise<void> {
  await store.change(actor, `certificate.${kind}`, async (tx, at) => {
    await tx.certificates.addEvent({ certificateId, at, kind, detail, createdBy: actor.id });
    return { payload: { certificateId, kind, detail }, result: null };
  });
}

/** A small register of known holders: joint names, a nominee, an EIN, an ITIN, no TIN, two classes, two abroad. */
export const SAMPLE_HOLDERS: readonly SampleHolder[] = [
  { account: '100001', registration: ['JOHN Q PUBLIC', 'MARY PUBLIC JT TEN'], address1: '12 Elm Street', city: 'Springfield', state: 'IL', postalCode: '62701', tin: { type: 'SSN', digits: '123456789' }, units: '1500' },
  { account: '100001', class: 'B', registration: ['JOHN Q PUBLIC', 'MARY PUBLIC JT TEN'], address1: '12 Elm Street', city: 'Springfield', state: 'IL', postalCode: '62701', tin: { type: 'SSN', digits: '123456789' }, units: '75' },
  { account: '100002', registration: ['CEDE & CO', 'FAST ACCOUNT'], address1: '570 Washington Blvd', city: 'Jersey City', state: 'NJ', postalCode: '07310-1617', tin: { type: 'EIN', digits: '136022143' }, units: '250000' },
  { account: '100003', registration: ['ZOË ÅNGSTRÖM'], address1: '4 Birch Road', city: 'Springfield', state: 'IL', postalCode: '62704-0042', tin: { type: 'ITIN', digits: '912705555' }, units: '99' },
  { account: '100004', registration: ['JOHNSON FAMILY TRUST', 'ALICE JOHNSON TTEE'], address1: '9 Oak Lane', city: 'Boston', state: 'MA', postalCode: '02108', units: '300' },
  { account: '100005', registration: ['HANS MÜLLER'], address1: 'Hauptstraße 1', city: 'Berlin', state: '', postalCode: '10115', country: 'DE', tin: { type: 'SSN', digits: '219099999' }, units: '800' },
  { account: '100006', registration: ['MARIE DUPONT'], address1: '1 Rue de Rivoli', city: 'Paris', state: '', postalCode: '75001', country: 'FR', units: '40' },
];

export const SCREENS_PROGRAM = { kind: 'rights-offering', name: 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2002-11-15' } as const;

/**
 * A book with an administrator, a clerk, one program with the sample register, its certificates
 * (the first one printed) and the §9 letter recorded as sent for the first holder abroad.
 */
export async function seedScreensBook(
  store: BookStore,
  people: { admin: { username: string; displayName: string; password: string }; clerk: { username: string; displayName: string; password: string } },
  options: { issue?: boolean } = {},
): Promise<{ programId: number }> {
  const { createFirstAdmin, createUser } = await import('../services/accounts');
  const { createProgram } = await import('../services/programs');
  const admin = await createFirstAdmin(store, people.admin);
  await createUser(store, admin, { ...people.clerk, role: 'clerk' });
  const program = await createProgram(store, admin, SCREENS_PROGRAM);
  const actor = { id: admin.id, username: admin.username };
  await writeRegister(store, actor, program.id, SAMPLE_HOLDERS.map((h, i) => entryOf(h, i + 2)), { rowCount: SAMPLE_HOLDERS.length, fileName: 'xo-record-date.csv' });
  if (options.issue !== false) {
    await writeCertificates(store, actor, program.id);
    const [first] = await store.read((r) => r.certificates.byNumber('RT-000001', program.id));
    if (first) await writeCertificateEvent(store, actor, first.id, 'printed', { file: 'certificates-A-0001.pdf' });
    const [abroad] = await store.read((r) => r.certificates.list(program.id, { heldOnly: true }, 0, 1));
    if (abroad) await writeCertificateEvent(store, actor, abroad.id, 'foreign-letter-sent', { letter: 'Exhibit D' });
  }
  return { programId: program.id };
}
