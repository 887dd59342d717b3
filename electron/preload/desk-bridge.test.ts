import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type Channel } from '../../shared/ipc/channels';
import { createDeskBridge, type RendererIpc } from './desk-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(answer),
    on: (channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    },
  } satisfies RendererIpc;
  const push = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: 'ipcRenderer' }, ...args));
  return { ipc, push, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('createDeskBridge', () => {
  it('forwards a channel of the map over desk:invoke and returns main’s answer', async () => {
    const { ipc } = fakeIpc(async () => ({ ok: true, value: { needsFirstAdmin: true } }));
    const bridge = createDeskBridge(ipc, CHANNEL_NAMES);
    await expect(bridge.invoke('session.status', {})).resolves.toEqual({ ok: true, value: { needsFirstAdmin: true } });
    expect(ipc.invoke).toHaveBeenCalledWith('desk:invoke', 'session.status', {});
  });

  it.each(['shell.openExternal', '__proto__', 'toString', '', 42, null])('refuses %s locally without calling main', async (name) => {
    const { ipc } = fakeIpc();
    const result = await createDeskBridge(ipc, CHANNEL_NAMES).invoke(name as Channel, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call into a plain INTERNAL result', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error('An object could not be cloned.');
    });
    const result = await createDeskBridge(ipc, CHANNEL_NAMES).invoke('book.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('did not answer') } });
  });

  it('passes known menu commands to the listener, without the IPC event', () => {
    const { ipc, push } = fakeIpc();
    const heard: unknown[][] = [];
    createDeskBridge(ipc, CHANNEL_NAMES).onCommand((...args: unknown[]) => heard.push(args));
    push('desk:command', 'area:intake');
    push('desk:command', 'find');
    expect(heard).toEqual([['area:intake'], ['find']]);
  });

  it('drops unknown commands and other channels', () => {
    const { ipc, push } = fakeIpc();
    const listener = vi.fn();
    createDeskBridge(ipc, CHANNEL_NAMES).onCommand(listener);
    push('desk:command', 'app:eval');
    push('desk:command', { command: 'find' });
    push('other', 'find');
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribes', () => {
    const { ipc, push, count } = fakeIpc();
    const listener = vi.fn();
    const off = createDeskBridge(ipc, CHANNEL_NAMES).onCommand(listener);
    expect(count('desk:command')).toBe(1);
    off();
    push('desk:command', 'find');
    expect(listener).not.toHaveBeenCalled();
    expect(count('desk:command')).toBe(0);
  });

  it('passes well-formed change notices on desk:changed, rebuilt as plain data', () => {
    const { ipc, push, count } = fakeIpc();
    const heard: unknown[][] = [];
    const off = createDeskBridge(ipc, CHANNEL_NAMES).onChanged((...args: unknown[]) => heard.push(args));
    push('desk:changed', { seq: 7, action: 'program.created', topics: ['journal', 'programs'], extra: 'dropped' });
    expect(heard).toEqual([[{ seq: 7, action: 'program.created', topics: ['journal', 'programs'] }]]);
    off();
    expect(count('desk:changed')).toBe(0);
  });

  it.each([
    null,
    'program.created',
    { seq: -1, action: 'x', topics: [] },
    { seq: 1.5, action: 'x', topics: [] },
    { seq: 1, action: '', topics: [] },
    { seq: 1, action: 'x', topics: ['journal', 'everything'] },
    { seq: 1, action: 'x', topics: 'journal' },
  ])('drops a malformed change notice %j', (notice) => {
    const { ipc, push } = fakeIpc();
    const listener = vi.fn();
    createDeskBridge(ipc, CHANNEL_NAMES).onChanged(listener);
    push('desk:changed', notice);
    expect(listener).not.toHaveBeenCalled();
  });

  it('passes on job pushes rebuilt, never the IPC event, and drops malformed ones', () => {
    const { ipc, push, count } = fakeIpc();
    const heard: unknown[][] = [];
    const off = createDeskBridge(ipc, CHANNEL_NAMES).onJob((...args: unknown[]) => heard.push(args));
    const job = { jobId: 1, kind: 'journal.verify', label: 'Verifying the journal', state: 'running', progress: null, startedAt: '2026-12-01T10:00:00.000Z', finishedAt: null, startedBy: 'sue' };
    push('desk:job', { ...job, sneaky: 'dropped' });
    push('desk:job', { ...job, kind: 'format.disk' });
    expect(heard).toEqual([[job]]);
    off();
    expect(count('desk:job')).toBe(0);
  });

  it('exposes only invoke, onCommand, onChanged and onJob', () => {
    expect(Object.keys(createDeskBridge(fakeIpc().ipc, CHANNEL_NAMES)).sort()).toEqual(['invoke', 'onChanged', 'onCommand', 'onJob']);
  });
});
