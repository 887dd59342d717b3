// Field checks the lost-certificate forms share: keyed dates and money as clerks type them,
// checked by the same schemas main validates with.
import { useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelResult } from '../../../../shared/ipc/channels';
import { isoDateSchema } from '../../../../shared/ipc/schemas';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { invalidateTopics } from '../../frame/query';
import { plainDecimal, readsAsDecimal } from '../../lib/amounts';
import { parseKeyedDate } from '../../lib/dates';
import { checkWith, type FieldCheck } from '../../lib/validation';

export const keyedDate =
  <V>(label: string): FieldCheck<V> =>
  (v) => {
    const parsed = parseKeyedDate(v, label);
    if (!parsed.ok) return parsed.message;
    return checkWith<V>(isoDateSchema, label)(parsed.iso, {} as V);
  };

export const isoOf = (keyed: string, label: string): string => {
  const parsed = parseKeyedDate(keyed, label);
  return parsed.ok ? parsed.iso : keyed;
};

export const keyedMoney =
  <V>(label: string): FieldCheck<V> =>
  (v) =>
    readsAsDecimal(v) && /^\d+(\.\d{1,2})?$/.test(plainDecimal(v)) ? null : `${label}: type an amount like 1234.50`;

/** Calls a channel; on success refreshes what shows lost cases and certificates; reports either way in the status line. */
export function useLostCall() {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  return async <C extends Channel>(channel: C, input: ChannelInput<C>, done: (value: ChannelResult<C>) => string): Promise<{ ok: true; value: ChannelResult<C> } | { ok: false; message: string; field?: string | undefined }> => {
    const result = await call(channel, input);
    if (!result.ok) {
      status.report(result.error.message, result.error.code === 'CANCELLED' ? 'info' : 'problem');
      return { ok: false, message: result.error.message, field: result.error.field };
    }
    await invalidateTopics(queryClient, ['lost', 'certificates']);
    status.report(done(result.value), 'done');
    return { ok: true, value: result.value };
  };
}
