import { describe, expect, it } from 'vitest';
import type { ProgramSummary } from '../../../shared/ipc/types';
import { findPrograms } from './find';

const program = (id: number, name: string, issuer: string, cusip: string): ProgramSummary => ({
  id,
  kind: 'rights-offering',
  name,
  issuer,
  cusip,
  recordDate: '2024-03-15',
  createdAt: '2024-03-01T12:00:00Z',
  createdBy: 'ada',
});

const programs = [
  program(1, 'Apple rights 2024', 'Apple Inc.', '037833100'),
  program(2, 'XO Communications rights', 'XO Communications', '983764838'),
  program(3, 'Odd-lot Microsoft', 'Microsoft Corp.', '594918104'),
];

describe('findPrograms', () => {
  it('finds by CUSIP prefix', () => {
    expect(findPrograms(programs, '0378').map((p) => p.id)).toEqual([1]);
  });
  it('finds by words of the name or issuer, in any case', () => {
    expect(findPrograms(programs, 'xo RIGHTS').map((p) => p.id)).toEqual([2]);
    expect(findPrograms(programs, 'microsoft').map((p) => p.id)).toEqual([3]);
  });
  it('puts a name that starts with the query first', () => {
    expect(findPrograms(programs, 'rights').map((p) => p.id)).toEqual([1, 2]);
    expect(findPrograms(programs, 'odd').map((p) => p.id)).toEqual([3]);
  });
  it('lists everything for an empty query, up to the limit', () => {
    expect(findPrograms(programs, '  ', 2)).toHaveLength(2);
  });
  it('finds nothing for an unknown word', () => {
    expect(findPrograms(programs, 'tesla')).toEqual([]);
  });
});
