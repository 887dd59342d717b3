import { describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../domain/testing/terms';
import { termsChanges, termsComparison } from './terms-diff';

describe('termsChanges', () => {
  it('names each changed field, classes by their code, decimals by value', () => {
    const classes = XO_TERMS_JSON.classes.map((c) => (c.code === 'B' ? { ...c, colour: 'TEAL', firmRightsPerUnit: '0.10' } : c));
    const after = { ...XO_TERMS_JSON, subscriptionPrice: '5', maxShares: 40_000_000, classes: [...classes.filter((c) => c.code !== 'C'), { code: 'D', colour: 'GREY', firmRightsPerUnit: '2', oversubscription: false, transferable: false, stage: 1 }] };
    expect(termsChanges(XO_TERMS_JSON, after)).toEqual([
      { path: 'maxShares', before: '43333333', after: '40000000' },
      { path: 'classes.B.colour', before: 'GREEN', after: 'TEAL' },
      { path: 'classes.C.code', before: 'C', after: null },
      { path: 'classes.C.colour', before: 'RED', after: null },
      { path: 'classes.C.firmRightsPerUnit', before: '0', after: null },
      { path: 'classes.C.oversubscription', before: 'yes', after: null },
      { path: 'classes.C.transferable', before: 'no', after: null },
      { path: 'classes.C.stage', before: '1', after: null },
      { path: 'classes.D.code', before: null, after: 'D' },
      { path: 'classes.D.colour', before: null, after: 'GREY' },
      { path: 'classes.D.firmRightsPerUnit', before: null, after: '2' },
      { path: 'classes.D.oversubscription', before: null, after: 'no' },
      { path: 'classes.D.transferable', before: null, after: 'no' },
      { path: 'classes.D.stage', before: null, after: '1' },
    ]);
    expect(termsChanges(XO_TERMS_JSON, { ...XO_TERMS_JSON })).toEqual([]);
  });
  it('sets every field beside its counterpart, as recorded, marking only those that differ in value', () => {
    const rows = termsComparison({ subscriptionPrice: '5.00', maxShares: 10 }, { subscriptionPrice: '5', maxShares: 12 });
    expect(rows).toEqual([
      { path: 'subscriptionPrice', before: '5.00', after: '5', changed: false },
      { path: 'maxShares', before: '10', after: '12', changed: true },
    ]);
  });
  it('lists plain lists as text', () => {
    expect(termsChanges({ excludedJurisdictions: [] }, { excludedJurisdictions: ['CA', 'US-NY'] })).toEqual([{ path: 'excludedJurisdictions', before: '(none)', after: 'CA, US-NY' }]);
  });
});
