/**
 * Test helper: the XO Communications rights offering's terms (agreement 001_…) as the JSON a
 * supervisor records: four classes, $5.00, 43,333,333 shares, expiration by the recitals' rule,
 * no guaranteed delivery.
 */
export const XO_TERMS_JSON = {
  kind: 'rights-offering',
  subscriptionPrice: '5.00',
  maxShares: 43_333_333,
  recordDate: '2003-10-10',
  certificateIssueDate: '2003-11-07',
  expiration: { basis: 'derived' },
  guaranteedDelivery: { allowed: false },
  oversubscription: { basis: 'requested', requireFullBasic: true },
  classes: [
    { code: 'A', colour: 'BLUE', firmRightsPerUnit: '1', oversubscription: true, transferable: false, stage: 1 },
    { code: 'B', colour: 'GREEN', firmRightsPerUnit: '0.1', oversubscription: true, transferable: false, stage: 1 },
    { code: 'C', colour: 'RED', firmRightsPerUnit: '0', oversubscription: true, transferable: false, stage: 1 },
    { code: 'T', colour: 'WHITE', firmRightsPerUnit: '1', oversubscription: false, transferable: true, stage: 2 },
  ],
} as const;
