import { QueryClient, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/ipc/channels';
import type { DeskError } from '../../../shared/ipc/result';
import type { Topic } from '../../../shared/ipc/topics';
import { useDesk, type DeskCall } from '../app/DeskContext';
import { getDesk } from '../desk';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { readonly topics?: readonly Topic[] };
  }
}

/** A channel's expected failure, carried through the query cache with its words intact. */
export class DeskQueryError extends Error {
  constructor(readonly deskError: DeskError) {
    super(deskError.message);
    this.name = 'DeskQueryError';
  }
}

/** Cached data stays fresh until main announces a change to one of its topics: no timers, no focus refetch. */
export const createDeskQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false } },
  });

export interface DeskQueryOptions<T> extends Pick<UseQueryOptions<T, DeskQueryError>, 'enabled' | 'gcTime' | 'placeholderData'> {
  /** What the query reads; it is refetched when main announces a change to any of them. */
  readonly topics: readonly Topic[];
}

/** One channel call, cached by channel and input. */
export function useDeskQuery<C extends Channel>(channel: C, input: ChannelInput<C>, options: DeskQueryOptions<ChannelResult<C>>) {
  const call = useDesk();
  const { topics, ...rest } = options;
  return useQuery<ChannelResult<C>, DeskQueryError>({
    queryKey: [channel, input],
    meta: { topics },
    queryFn: async () => {
      const result = await call(channel, input);
      if (!result.ok) throw new DeskQueryError(result.error);
      return result.value;
    },
    ...rest,
  });
}

/** Marks stale (and refetches, if on screen) every query that reads one of `topics`. */
export function invalidateTopics(client: QueryClient, topics: readonly Topic[]): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => query.meta?.topics?.some((t) => topics.includes(t)) ?? false });
}

/**
 * Listens to main's change notices while the desk is open. While locked the calls would be
 * refused, so nothing is refetched; unlocking refreshes everything once.
 */
export function useChangePushes(locked: boolean): void {
  const client = useQueryClient();
  const wasLocked = useRef(false);
  useEffect(() => {
    const desk = getDesk();
    if (locked) wasLocked.current = true;
    if (!desk || locked) return;
    // Notices missed while locked (another desk's changes) leave anything on screen stale.
    if (wasLocked.current) void client.invalidateQueries();
    wasLocked.current = false;
    return desk.onChanged((notice) => void invalidateTopics(client, notice.topics));
  }, [client, locked]);
}

/**
 * The answer `useDeskQuery(channel, input)` would give, awaited: the cached one, the call already
 * in flight for the same input, or a new call — for a save that must not run ahead of a lookup.
 */
export function fetchDeskQuery<C extends Channel>(client: QueryClient, call: DeskCall, channel: C, input: ChannelInput<C>, topics: readonly Topic[]): Promise<ChannelResult<C>> {
  return client.fetchQuery<ChannelResult<C>, DeskQueryError>({
    queryKey: [channel, input],
    meta: { topics },
    queryFn: async () => {
      const result = await call(channel, input);
      if (!result.ok) throw new DeskQueryError(result.error);
      return result.value;
    },
  });
}
