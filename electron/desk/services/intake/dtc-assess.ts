/**
 * A DTC instruction as the engine sees it (through services/intake/assess.ts): a certificate
 * holding the rights it surrendered, none used before it, received at its envelope's stamp; its
 * DTC settlement is collected funds, like a wire (§6a(z)). This only builds the input.
 */
import type { RightsOfferingTerms } from '../../../../shared/domain';
import type { AssessmentView } from '../../../../shared/ipc/intake-more';
import type { CertificateRecord, IntakeRecord, ReadRepos } from '../../store/port';
import { assess, assessStored } from './assess';
import { moneyOf } from './item-context';

/** What an instruction's `facts` column holds (keyedFactsSchema in assess.ts). */
export interface DtcFacts {
  /** DTC authenticates its participants' instructions: there is no signature to look at. */
  readonly signed: true;
  /** The Nominee Holder Certification came (with its lines when oversubscribing). */
  readonly nomineeCertified: boolean;
  /** DTC's settlement was collected when the instruction was keyed. */
  readonly settled: boolean;
}

interface Keyed {
  readonly rightsSurrendered: number;
  readonly basicShares: number;
  readonly oversubscriptionShares: number;
  readonly amount: string;
}

/** Before saving: the keyed amount is received now, and collected when the clerk marked it settled. */
export function assessKeyedDtc(terms: RightsOfferingTerms, envelope: IntakeRecord<'envelopes'>, certificate: CertificateRecord, keyed: Keyed, facts: DtcFacts): AssessmentView {
  return assess({
    terms, certificate, stampedLocal: envelope.stampedLocal,
    basicShares: keyed.basicShares, oversubscriptionShares: keyed.oversubscriptionShares, facts,
    payments: [{ method: 'dtc', amount: moneyOf(keyed.amount), status: facts.settled ? 'cleared' : 'received' }],
    exercisedBefore: 0, rightsSurrendered: keyed.rightsSurrendered,
  });
}

/** A saved instruction, with its payments as they stand now (cleared or returned since). */
export async function assessDtc(r: ReadRepos, e: IntakeRecord<'elections'>, certificate: CertificateRecord): Promise<AssessmentView> {
  const envelope = (await r.intake.byId('envelopes', e.envelopeId))!;
  const terms = (await r.terms.history(e.programId)).at(-1)!.terms as RightsOfferingTerms;
  return assessStored(r, e, terms, certificate, envelope.stampedLocal);
}
