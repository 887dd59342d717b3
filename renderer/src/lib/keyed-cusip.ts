/**
 * A CUSIP as keyed from the paper, where it is printed in groups (`983764 17 6`): spaces and
 * dashes are dropped and letters upper-cased. Whether it is a real CUSIP (nine characters, the
 * check digit) is the shared schema's and shared/domain/cusip's to say.
 */
export const normalizeKeyedCusip = (text: string): string => text.replace(/[\s-]/g, '').toUpperCase();

/** Room for the nine characters and the spaces of the printed groups. */
export const KEYED_CUSIP_MAX_LENGTH = 12;
