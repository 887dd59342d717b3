import { createContext, useContext, type ReactNode } from 'react';
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/ipc/channels';
import type { DeskResult } from '../../../shared/ipc/result';

export type DeskCall = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<DeskResult<ChannelResult<C>>>;

const DeskContext = createContext<DeskCall | null>(null);

export function DeskProvider({ call, children }: { call: DeskCall; children: ReactNode }) {
  return <DeskContext.Provider value={call}>{children}</DeskContext.Provider>;
}

/** Calls main through `window.desk`; a LOCKED or NOT_SIGNED_IN answer also changes the screen. */
export function useDesk(): DeskCall {
  const call = useContext(DeskContext);
  if (!call) throw new Error('useDesk outside DeskProvider');
  return call;
}
