// Runs sandboxed before the page: exposes `window.desk` and nothing else. Bundled to a single
// CommonJS file because a sandboxed preload can require only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { createDeskBridge } from './desk-bridge';

/**
 * The channel map's names (CHANNEL_NAMES), written in by the build from shared/ipc/channels.ts,
 * so that the preload does not carry zod and every schema just to know the names.
 */
declare const __DESK_CHANNEL_NAMES__: readonly string[];

contextBridge.exposeInMainWorld('desk', createDeskBridge(ipcRenderer, __DESK_CHANNEL_NAMES__));
