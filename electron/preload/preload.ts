// Runs sandboxed before the page: exposes `window.desk` and nothing else. Bundled to a single
// CommonJS file because a sandboxed preload can require only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { createDeskBridge } from './desk-bridge';

contextBridge.exposeInMainWorld('desk', createDeskBridge(ipcRenderer));
