/**
 * The browser side of the test bridge: defines `window.desk` (the DeskBridge the preload
 * provides in the app) over HTTP, change notices over Server-Sent Events, and `window.__deskTest.command(name)` to play a menu command.
 */
export function shimSource(token: string): string {
  return `'use strict';
(() => {
  const token = ${JSON.stringify(token)};
  const listeners = new Set();
  const invoke = async (channel, input) => {
    const response = await fetch('./invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': token },
      body: JSON.stringify({ channel, input }),
    });
    if (!response.ok) throw new Error('The test bridge refused the call (HTTP ' + response.status + ')');
    return response.json();
  };
  const onCommand = (listener) => {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  };
  // Change notices arrive as Server-Sent Events (the token rides in the URL: EventSource sends no headers).
  const changeListeners = new Set();
  const jobListeners = new Set();
  let changes = null;
  const openPushes = () => {
    if (changes !== null) return;
    changes = new EventSource('./changes?t=' + encodeURIComponent(token));
    changes.onmessage = (event) => {
      const notice = JSON.parse(event.data);
      for (const l of [...changeListeners]) l(notice);
    };
    changes.addEventListener('job', (event) => {
      const job = JSON.parse(event.data);
      for (const l of [...jobListeners]) l(job);
    });
  };
  const onChanged = (listener) => {
    changeListeners.add(listener);
    openPushes();
    return () => { changeListeners.delete(listener); };
  };
  const onJob = (listener) => {
    jobListeners.add(listener);
    openPushes();
    return () => { jobListeners.delete(listener); };
  };
  Object.defineProperty(window, 'desk', { value: Object.freeze({ invoke, onCommand, onChanged, onJob }) });
  Object.defineProperty(window, '__deskTest', {
    value: Object.freeze({
      command: (name) => {
        for (const listener of [...listeners]) listener(name);
        return listeners.size;
      },
    }),
  });
})();
`;
}
