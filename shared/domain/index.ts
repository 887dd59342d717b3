/**
 * The offering engine: pure functions over plain data (no Electron, Node or React; no clock).
 * Money is exact (decimal strings in, decimal strings out); shares are whole numbers; dates are
 * `YYYY-MM-DD`; New York wall times are `YYYY-MM-DDTHH:mm`.
 */
export * from './money';
export * from './integers';
export * from './time';
export * from './calendar';
export * from './terms';
export * from './rights';
export * from './price';
export * from './funds';
export * from './deficiencies';
export * from './election';
export * from './proration';
export * from './certificate-index';
export * from './scenario';
export * from './settle-rights';
export * from './settle-odd-lot';
export * from './settle';
