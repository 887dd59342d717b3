import type { DeskBridge } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** Provided by the preload in the app, or by the test shim in a browser. */
    readonly desk?: DeskBridge;
  }
}

export const getDesk = (): DeskBridge | null => window.desk ?? null;
