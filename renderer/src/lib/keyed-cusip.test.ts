import { describe, expect, it } from 'vitest';
import { isValidCusip } from '../../../shared/domain/cusip';
import { normalizeKeyedCusip } from './keyed-cusip';

describe('a CUSIP keyed as printed', () => {
  it('drops the spaces of the printed groups and upper-cases letters', () => {
    expect(normalizeKeyedCusip('983764 17 6')).toBe('983764176');
    expect(normalizeKeyedCusip(' 68389x105 ')).toBe('68389X105');
    expect(normalizeKeyedCusip('037833-10-0')).toBe('037833100');
    expect(isValidCusip(normalizeKeyedCusip('037833 10 0'))).toBe(true);
  });
});
