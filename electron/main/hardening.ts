import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, isAppUrl } from './app-origin';

/**
 * Session-wide refusals: no permission is ever granted (camera, notifications, clipboard-read,
 * HID, serial…), nothing is downloaded, and every response carries our CSP.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/**
 * Applied to every web contents as it is created (the desk window and anything else that might
 * appear): no new windows, no navigation or redirect away from our origin, no <webview>.
 */
export function hardenContents(contents: WebContents, onRefused: (what: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    onRefused(`window.open ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      onRefused(`navigation to ${event.url}`);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      onRefused(`frame navigation to ${event.url}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      onRefused(`redirect to ${event.url}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onRefused('a <webview>');
  });
}
