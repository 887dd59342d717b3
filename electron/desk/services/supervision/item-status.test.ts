// §11 standing, case by case: what a supervisor's decisions make of an item's deficiencies.
import { describe, expect, it } from 'vitest';
import { IN_QUEUE, isAccepted, standingOf, type DecisionFacts } from './item-status';

let nextId = 1;
const decision = (kind: string, codes: string[], decidedAt: string, cureBy: string | null = null): DecisionFacts => ({ id: nextId++, kind, codes, cureBy, decidedAt });
const base = { withdrawn: false, today: '2003-12-03', lastArrivalAt: '2003-12-01T15:00:00.000Z' };

describe('standingOf', () => {
  it('is clean with no deficiency and no decision, open with one', () => {
    expect(standingOf({ ...base, codes: [], decisions: [] }).status).toBe('clean');
    expect(standingOf({ ...base, codes: ['UNSIGNED'], decisions: [] })).toMatchObject({ status: 'open', open: ['UNSIGNED'] });
  });

  it('is accepted only when every code is waived or cured', () => {
    const waive = decision('waive', ['UNSIGNED'], '2003-12-02T15:00:00.000Z');
    expect(standingOf({ ...base, codes: ['UNSIGNED', 'MISSING_TIN'], decisions: [waive] })).toMatchObject({ status: 'open', open: ['MISSING_TIN'] });
    const cured = decision('cured', ['MISSING_TIN'], '2003-12-02T16:00:00.000Z');
    const s = standingOf({ ...base, codes: ['UNSIGNED', 'MISSING_TIN'], decisions: [waive, cured] });
    expect(s).toMatchObject({ status: 'accepted', open: [], waived: ['UNSIGNED'], cured: ['MISSING_TIN'] });
    expect(isAccepted(s.status)).toBe(true);
  });

  it('keeps a cure good through its date, lapses it the day after, and brings it back when something arrives', () => {
    const cure = decision('allow-cure', ['UNSIGNED'], '2003-12-02T15:00:00.000Z', '2003-12-05');
    const input = { ...base, codes: ['UNSIGNED' as const], decisions: [cure] };
    expect(standingOf({ ...input, today: '2003-12-05' })).toMatchObject({ status: 'awaiting-cure', cureBy: '2003-12-05' });
    expect(standingOf({ ...input, today: '2003-12-06' }).status).toBe('cure-lapsed');
    expect(standingOf({ ...input, lastArrivalAt: '2003-12-02T15:00:00.000Z' }).status).toBe('awaiting-cure');
    expect(standingOf({ ...input, lastArrivalAt: '2003-12-03T14:00:00.000Z' }).status).toBe('cure-arrived');
    expect(IN_QUEUE.has('awaiting-cure')).toBe(false);
    expect(IN_QUEUE.has('cure-lapsed') && IN_QUEUE.has('cure-arrived') && IN_QUEUE.has('open')).toBe(true);
  });

  it('ignores a cure for codes no longer open, and ends at a rejection or a withdrawal', () => {
    const cure = decision('allow-cure', ['UNSIGNED'], '2003-12-02T15:00:00.000Z', '2003-12-05');
    const waive = decision('waive', ['UNSIGNED'], '2003-12-02T16:00:00.000Z');
    expect(standingOf({ ...base, codes: ['UNSIGNED', 'MISSING_TIN'], decisions: [cure, waive] })).toMatchObject({ status: 'open', cureBy: null });
    expect(standingOf({ ...base, codes: ['UNSIGNED'], decisions: [waive, decision('reject', ['MISSING_TIN'], '2003-12-02T17:00:00.000Z')] }).status).toBe('rejected');
    expect(standingOf({ ...base, withdrawn: true, codes: ['UNSIGNED'], decisions: [] }).status).toBe('withdrawn');
  });

  it('reads only the codes the item has: a waiver of a code since gone does not make the item unclean', () => {
    const waive = decision('waive', ['UNSIGNED'], '2003-12-02T16:00:00.000Z');
    expect(standingOf({ ...base, codes: [], decisions: [waive] })).toMatchObject({ status: 'accepted', waived: [] });
  });
});
