// The words a registration is found by: ASCII text takes a cheaper path that must split exactly
// as the Unicode rule does; other scripts are folded (accents dropped) first.
import { describe, expect, it } from 'vitest';
import { wordsOf } from './search-terms';

const unicodeRule = (text: string): string[] => [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''))];

describe('wordsOf', () => {
  it('splits ASCII text exactly as the Unicode rule of letters and digits does', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2_000; n += 1) {
      const text = Array.from({ length: next() % 40 }, () => String.fromCharCode(next() % 128)).join('');
      expect(wordsOf(text)).toEqual(unicodeRule(text));
    }
    expect(wordsOf("O'BRIEN & CO", 'FBO Mary-Ann', 'U/A DTD 01/05/1998')).toEqual(['o', 'brien', 'co', 'fbo', 'mary', 'ann', 'u', 'a', 'dtd', '01', '05', '1998']);
  });

  it('folds other scripts: accents dropped, ß as ss', () => {
    expect(wordsOf('Zoë Ångström', 'Łódź-Nowak', 'Straße')).toEqual(['zoe', 'angstrom', 'łodz', 'nowak', 'strasse']);
  });
});
