/** A DTC instruction's form values, their checks and their reading as the channel's input: shared by keying and correcting. */
import { useEffect, useState } from 'react';
import type { AssessmentView, DtcInstructionInput, KeyedDtcInstruction, NomineePositionView } from '../../../../../shared/ipc/intake-more';
import { useDesk } from '../../../app/DeskContext';
import { normalizeMoney, normalizeShares, plainDecimal } from '../../../lib/amounts';
import { useDebounced } from '../../../lib/useDebounced';
import type { FieldCheck } from '../../../lib/validation';
import { keyedCertificate, moneyCheck, requiredText, sharesCheck, sharesOf, yes } from '../more/keyed';

export const MAX_LINES = 50;
export type Line = { ownerReference: string; recordDateHolding: string; basicExercised: string; oversubscriptionRequested: string };
export type DtcValues = {
  envelopeId: string; certificateNumber: string; voiNumber: string; participantNumber: string; participantName: string;
  rightsSurrendered: string; basicShares: string; oversubscriptionShares: string; amount: string; settled: string; certified: string; lines: Line[];
};
export type Flat = Record<string, string>;

export const blankLine = (): Line => ({ ownerReference: '', recordDateHolding: '', basicExercised: '', oversubscriptionRequested: '' });
export const INITIAL_DTC: DtcValues = {
  envelopeId: '', certificateNumber: '', voiNumber: '', participantNumber: '', participantName: '', rightsSurrendered: '', basicShares: '', oversubscriptionShares: '0',
  amount: '', settled: 'yes', certified: 'no', lines: Array.from({ length: MAX_LINES }, blankLine),
};
export const LINE_FIELDS = ['ownerReference', 'recordDateHolding', 'basicExercised', 'oversubscriptionRequested'] as const;
const lineBlank = (flat: Flat, i: number) => LINE_FIELDS.every((f) => (flat[`lines.${i}.${f}`] ?? '').trim() === '');

/** The instruction's field checks, in words naming the field (the certification's blank lines are not checked). */
export function instructionChecks(flat: Flat): Record<string, FieldCheck<Flat>> {
  const checks: Record<string, FieldCheck<Flat>> = {
    envelopeId: requiredText('Envelope'),
    certificateNumber: requiredText('Certificate number'),
    voiNumber: requiredText('VOI number', /^[A-Za-z0-9-]{1,20}$/, 'letters and digits as DTC gave it, e.g. 0012345'),
    participantNumber: requiredText('Participant number', /^\d{1,5}$/, 'DTC’s participant number, up to 5 digits'),
    participantName: requiredText('Participant name'),
    rightsSurrendered: sharesCheck('Rights surrendered'),
    basicShares: sharesCheck('Basic shares'),
    oversubscriptionShares: sharesCheck('Oversubscription shares'),
    amount: moneyCheck('DTC settlement amount'),
  };
  for (let i = 0; i < MAX_LINES; i += 1) {
    if (lineBlank(flat, i)) continue;
    checks[`lines.${i}.ownerReference`] = requiredText(`Line ${i + 1} beneficial owner`);
    checks[`lines.${i}.recordDateHolding`] = sharesCheck(`Line ${i + 1} record-date holding`);
    checks[`lines.${i}.basicExercised`] = sharesCheck(`Line ${i + 1} basic exercised`);
    checks[`lines.${i}.oversubscriptionRequested`] = sharesCheck(`Line ${i + 1} oversubscription requested`);
  }
  return checks;
}

const NORMALIZE: Record<string, (v: string) => string> = { amount: normalizeMoney, rightsSurrendered: normalizeShares, basicShares: normalizeShares, oversubscriptionShares: normalizeShares, certificateNumber: keyedCertificate };
export const normalizeDtc = (name: string) => NORMALIZE[name];

/** The keyed values as the channel's input, or null while something needed does not read yet. */
export function inputOf(v: DtcValues): DtcInstructionInput | null {
  if (v.envelopeId === '' || v.certificateNumber.trim() === '' || v.voiNumber.trim() === '' || v.participantNumber.trim() === '' || v.participantName.trim() === '' || v.amount.trim() === '' || v.rightsSurrendered.trim() === '' || v.basicShares.trim() === '') return null;
  const lines = v.lines.filter((l) => LINE_FIELDS.some((f) => l[f].trim() !== '')).map((l) => ({ ownerReference: l.ownerReference.trim(), recordDateHolding: sharesOf(l.recordDateHolding), basicExercised: sharesOf(l.basicExercised), oversubscriptionRequested: sharesOf(l.oversubscriptionRequested) }));
  return {
    envelopeId: Number(v.envelopeId), certificateNumber: keyedCertificate(v.certificateNumber), voiNumber: v.voiNumber.trim(), participantNumber: v.participantNumber.trim(), participantName: v.participantName.trim(),
    rightsSurrendered: sharesOf(v.rightsSurrendered), basicShares: sharesOf(v.basicShares), oversubscriptionShares: sharesOf(v.oversubscriptionShares), amount: plainDecimal(v.amount),
    settled: yes(v.settled), certified: yes(v.certified), lines,
  };
}

/** A saved instruction as the form shows it, to be corrected. */
export function valuesOf(k: KeyedDtcInstruction): DtcValues {
  const shares = (n: number) => normalizeShares(String(n));
  const lines = k.lines.map((l) => ({ ownerReference: l.ownerReference, recordDateHolding: shares(l.recordDateHolding), basicExercised: shares(l.basicExercised), oversubscriptionRequested: shares(l.oversubscriptionRequested) }));
  return {
    envelopeId: String(k.envelopeId), certificateNumber: k.certificateNumber, voiNumber: k.voiNumber, participantNumber: k.participantNumber, participantName: k.participantName,
    rightsSurrendered: shares(k.rightsSurrendered), basicShares: shares(k.basicShares), oversubscriptionShares: shares(k.oversubscriptionShares), amount: normalizeMoney(k.amount),
    settled: k.settled ? 'yes' : 'no', certified: k.certified ? 'yes' : 'no', lines: [...lines, ...Array.from({ length: MAX_LINES - lines.length }, blankLine)],
  };
}

export type DtcPreviewState = { readonly preview: { assessment: AssessmentView; position: NomineePositionView } | null; readonly problem: string | null; clear(problem: string): void };

/** The engine's reading of what is keyed, a moment after the clerk stops typing (`correcting`: the instruction it replaces). */
export function useDtcPreview(input: DtcInstructionInput | null, initialProblem: string, correcting?: number): DtcPreviewState {
  const call = useDesk();
  const [preview, setPreview] = useState<DtcPreviewState['preview']>(null);
  const [problem, setProblem] = useState<string | null>(initialProblem);
  const settledInput = useDebounced(JSON.stringify(input), 250);
  useEffect(() => {
    const keyed = JSON.parse(settledInput) as DtcInstructionInput | null;
    if (!keyed) return;
    let live = true;
    void call('dtc.preview', correcting === undefined ? keyed : { ...keyed, correcting }).then((r) => {
      if (!live) return;
      setPreview(r.ok ? r.value : null);
      setProblem(r.ok ? null : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [settledInput, call, correcting]);
  const clear = (next: string) => {
    setPreview(null);
    setProblem(next);
  };
  return { preview, problem, clear };
}
