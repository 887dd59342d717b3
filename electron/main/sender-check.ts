import { isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain / BrowserWindow the check looks at (kept structural for tests). */
export interface FrameFacts {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}
export interface WindowFacts {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: FrameFacts };
}

/**
 * A desk call is answered only when it comes from the top frame of our one window while that
 * frame shows our own origin: not from a subframe, another window, or a page navigated elsewhere.
 */
export function isTrustedSender(sender: { readonly id: number }, frame: FrameFacts | null | undefined, window: WindowFacts | null): boolean {
  if (window === null || window.isDestroyed() || frame === null || frame === undefined) return false;
  const top = window.webContents.mainFrame;
  return (
    sender.id === window.webContents.id &&
    frame.parent === null &&
    frame.processId === top.processId &&
    frame.routingId === top.routingId &&
    isAppUrl(frame.url)
  );
}
