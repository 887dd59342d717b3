import { describe, expect, it } from 'vitest';
import { queueDecideInput } from '../../../../shared/ipc/queue';
import { readDecision, type DecisionKeyed } from './decision-values';
import { readQueueFilter } from './QueueFilters';

const keyed = (more: Partial<DecisionKeyed>): DecisionKeyed => ({ decision: 'waive', codes: ['UNSIGNED'], reason: 'Signature card on file matches', cureBy: '', ...more });

describe('the decision form’s values', () => {
  it('reads a waiver, a rejection with no code ticked, and a cure date typed MMDDYY as the channel takes them', () => {
    const read = (k: DecisionKeyed) => queueDecideInput.parse({ programId: 1, item: { kind: 'election', id: 2 }, ...readDecision(k).input });
    expect(read(keyed({}))).toMatchObject({ decision: 'waive', codes: ['UNSIGNED'], cureBy: null });
    expect(read(keyed({ decision: 'reject', codes: [] }))).toMatchObject({ decision: 'reject', codes: [] });
    expect(read(keyed({ decision: 'allow-cure', cureBy: '120503' }))).toMatchObject({ cureBy: '2003-12-05' });
    expect(read(keyed({ reason: '   Holder phoned today  ' })).reason).toBe('Holder phoned today');
  });

  it('names each problem by its field in words', () => {
    expect(readDecision(keyed({ codes: [] })).problems).toEqual({ codes: 'Deficiencies: tick at least one open deficiency this decision covers' });
    expect(readDecision(keyed({ codes: ['LATE'] })).problems.codes).toBe('Deficiencies: Received after expiration can never be waived; reject the item or allow a cure');
    expect(readDecision(keyed({ reason: 'because' })).problems.reason).toBe('Reason: say why in a few words (at least 10 characters)');
    expect(readDecision(keyed({ reason: '' })).problems.reason).toBe('Reason is required: say why in a few words');
    expect(readDecision(keyed({ decision: 'allow-cure', cureBy: '023003' })).problems.cureBy).toBe('Cure by: 02/30/2003 is not a real calendar date');
    expect(readDecision(keyed({ decision: 'allow-cure', cureBy: '' })).problems.cureBy).toBe('Cure by is required');
    expect(readDecision(keyed({ codes: [] })).input).toBeNull();
  });
});

describe('the queue’s filter', () => {
  it('drops blanks and reads the age as whole business days', () => {
    expect(readQueueFilter({ status: 'in-queue', code: '', minAge: '', batchId: '', clerkId: '' })).toEqual({ filter: { status: 'in-queue' }, problem: null });
    expect(readQueueFilter({ status: 'all', code: 'LATE', minAge: ' 3 ', batchId: '4', clerkId: '5' }).filter).toEqual({ status: 'all', code: 'LATE', minAge: 3, batchId: 4, clerkId: 5 });
    expect(readQueueFilter({ status: 'in-queue', code: '', minAge: '2.5', batchId: '', clerkId: '' }).problem).toBe('Age: type a whole number of business days, e.g. 3');
  });
});
