import { describe, expect, it } from 'vitest';
import { classLabel, groupDecimal, nameOf, placeOf } from './format';

describe('register formatting', () => {
  it('groups decimal text without turning it into a number', () => {
    expect(groupDecimal('250000')).toBe('250,000');
    expect(groupDecimal('1234567.125')).toBe('1,234,567.125');
    expect(groupDecimal('99')).toBe('99');
    expect(groupDecimal('12345678901234567890')).toBe('12,345,678,901,234,567,890');
  });

  it('reads names, places and classes as a clerk does', () => {
    expect(nameOf({ registration: ['JOHN Q PUBLIC', 'MARY PUBLIC JT TEN', '', ''] })).toBe('JOHN Q PUBLIC MARY PUBLIC JT TEN');
    expect(placeOf({ city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' })).toBe('Springfield, IL 62701');
    expect(placeOf({ city: 'Berlin', state: '', postalCode: '10115', country: 'DE' })).toBe('Berlin, 10115 (DE)');
    expect(classLabel('')).toBe('—');
    expect(classLabel('A')).toBe('A');
  });
});
