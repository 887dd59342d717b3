import type { CertificateFace } from '../pdf/certificate-doc';

/** A class A certificate of the XO offering as the print service hands it over, names that need the embedded font included; `overrides` change any of it. */
export const sampleFace = (overrides: Partial<CertificateFace> = {}): CertificateFace => ({
  number: 'RT-000001',
  classCode: 'A',
  colour: 'BLUE',
  transferable: false,
  firmRights: 1_250,
  oversubscriptionOnly: false,
  underlyingShares: null,
  issuer: 'XO Communications, Inc.',
  cusip: '983764176',
  registration: ['Anna Łódź-Nowak', 'Jürgen Müller JT TEN', '', ''],
  address: ['1 Main Street', 'Springfield, IL 62701'],
  voidAfter: 'DECEMBER 8, 2003',
  expiresInWords: '5:00 p.m., New York City time, on December 8, 2003',
  price: '5.00',
  held: false,
  duplicate: null,
  ...overrides,
});
