import { describe, expect, it } from 'vitest';
import type { ProgramSummary, UserSummary } from '../../../shared/ipc/types';
import { programOrder, userOrder, withItem } from './order';

const program = (id: number, recordDate: string): ProgramSummary => ({
  id,
  kind: 'odd-lot',
  name: `P${id}`,
  issuer: 'I',
  cusip: '037833100',
  recordDate,
  createdAt: '2024-01-01T00:00:00Z',
  createdBy: 'ada',
});
const user = (id: number, username: string): UserSummary => ({
  id,
  username,
  displayName: username,
  role: 'clerk',
  active: true,
  createdAt: '2024-01-01T00:00:00Z',
});

describe('withItem', () => {
  it('puts a new program where main would list it: latest record date first, then newest', () => {
    const list = [program(1, '2024-03-15'), program(2, '2024-01-01')];
    expect(withItem(list, program(3, '2024-06-30'), programOrder).map((p) => p.id)).toEqual([3, 1, 2]);
    expect(withItem(list, program(4, '2024-03-15'), programOrder).map((p) => p.id)).toEqual([4, 1, 2]);
  });

  it('replaces an item with the same id and keeps users by name', () => {
    const list = [user(1, 'ada'), user(2, 'carl')];
    const replaced = withItem(list, { ...user(2, 'carl'), active: false }, userOrder);
    expect(replaced.map((u) => [u.username, u.active])).toEqual([
      ['ada', true],
      ['carl', false],
    ]);
    expect(withItem(list, user(3, 'bob'), userOrder).map((u) => u.username)).toEqual(['ada', 'bob', 'carl']);
  });

  it('starts a list that was not loaded yet', () => {
    expect(withItem(null, user(1, 'ada'), userOrder)).toHaveLength(1);
  });
});
