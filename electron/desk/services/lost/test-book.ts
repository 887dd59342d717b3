// For the lost-certificate tests: the XO book with its register and certificates issued, a clerk
// and a second supervisor, the clock in the subscription period, and a case opened in one call.
import type { SessionUser } from '../../../../shared/ipc/types';
import type { Affidavit } from '../../../../shared/ipc/lost';
import { createUser } from '../accounts';
import { issueCertificates } from '../certificates';
import { actorOf } from '../views';
import type { BookStore, CertificateRecord } from '../../store/port';
import type { StoreKit } from '../../testing/store-kit';
import { xoBookWithRegister } from '../../testing/xo-register-fixture';
import { openCase, type OpenCaseInput } from './cases';

export interface LostBook {
  readonly programId: number;
  /** sam: the first administrator, who also supervises. */
  readonly sam: SessionUser;
  readonly sue: SessionUser;
  readonly carl: SessionUser;
  certificate(account: string, cls?: string): Promise<CertificateRecord>;
}

/** 20 November 2003, 10:00 in New York: the XO rights expire on 8 December at 5:00 p.m. */
export const IN_SUBSCRIPTION_PERIOD = '2003-11-20T15:00:00.000Z';

export async function lostBook(kit: StoreKit, store: BookStore): Promise<LostBook> {
  kit.clock.setWallClock(IN_SUBSCRIPTION_PERIOD);
  const xo = await xoBookWithRegister(store);
  await issueCertificates(store, actorOf(xo.supervisor), xo.programId);
  const add = async (username: string, role: 'supervisor' | 'clerk') => {
    const u = await createUser(store, xo.supervisor, { username, displayName: `${username} (${role})`, password: 'correct horse battery', role });
    return { id: u.id, username: u.username, displayName: u.displayName, role: u.role } as SessionUser;
  };
  return {
    programId: xo.programId,
    sam: xo.supervisor,
    sue: await add('sue', 'supervisor'),
    carl: await add('carl', 'clerk'),
    async certificate(account, cls) {
      const all = await store.read((r) => r.certificates.forAccount(xo.programId, account));
      const found = all.find((c) => cls === undefined || c.class === cls);
      if (!found) throw new Error(`no certificate for ${account}`);
      return found;
    },
  };
}

export const AFFIDAVIT: Affidavit = { received: true, ownerName: 'Nguyễn Văn An', tinLast4: '6789', address: '77 Bellaire Blvd, Houston TX 77036', rights: 999, notEndorsedOrPledged: true };

export function openLostCase(store: BookStore, book: LostBook, by: SessionUser, number: string, more: Partial<OpenCaseInput> = {}) {
  return openCase(store, actorOf(by), { programId: book.programId, certificateNumber: number, kind: 'lost', discoveredOn: '2003-11-19', circumstances: 'Lost in a house move last week', affidavit: AFFIDAVIT, ...more });
}
