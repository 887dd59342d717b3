import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { handlers } from '.';

describe('the handler table', () => {
  it('has exactly one handler per channel of the map: none missing, none extra', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof handlers[name]).toBe('function');
  });
});
