// The decision form's values read as the channel's input, with each problem named by its field.
import { deficiency, type DeficiencyCode } from '../../../../shared/domain/deficiencies';
import type { DecisionKindInput, QueueDecideInput } from '../../../../shared/ipc/queue';
import { parseKeyedDate } from '../../lib/dates';

export interface DecisionKeyed {
  readonly decision: DecisionKindInput;
  readonly codes: readonly DeficiencyCode[];
  readonly reason: string;
  readonly cureBy: string;
}

export type DecisionProblems = Partial<Record<'codes' | 'reason' | 'cureBy', string>>;

export function readDecision(k: DecisionKeyed): { input: Omit<QueueDecideInput, 'programId' | 'item'> | null; problems: DecisionProblems } {
  const problems: DecisionProblems = {};
  if (k.codes.length === 0 && k.decision !== 'reject') problems.codes = 'Deficiencies: tick at least one open deficiency this decision covers';
  if (k.decision === 'waive') {
    const never = k.codes.filter((c) => !deficiency(c).waivable);
    if (never.length > 0) problems.codes = `Deficiencies: ${never.map((c) => deficiency(c).title).join(', ')} can never be waived; reject the item or allow a cure`;
  }
  const reason = k.reason.trim();
  if (reason === '') problems.reason = 'Reason is required: say why in a few words';
  else if (reason.length < 10 || reason.split(/\s+/).length < 2) problems.reason = 'Reason: say why in a few words (at least 10 characters)';
  else if (reason.length > 500) problems.reason = 'Reason must be at most 500 characters';
  let cureBy: string | null = null;
  if (k.decision === 'allow-cure') {
    const parsed = parseKeyedDate(k.cureBy, 'Cure by');
    if (parsed.ok) cureBy = parsed.iso;
    else problems.cureBy = parsed.message;
  }
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return { input: { decision: k.decision, codes: [...k.codes], reason, cureBy }, problems };
}
