import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameFacts, type WindowFacts } from './sender-check';

const top: FrameFacts = { url: 'app://desk/index.html', processId: 7, routingId: 1, parent: null };
const windowWith = (mainFrame: FrameFacts, destroyed = false): WindowFacts => ({
  isDestroyed: () => destroyed,
  webContents: { id: 3, mainFrame },
});

describe('isTrustedSender', () => {
  it('trusts the top frame of the desk window on our origin', () => {
    expect(isTrustedSender({ id: 3 }, top, windowWith(top))).toBe(true);
  });

  it('refuses another web contents', () => {
    expect(isTrustedSender({ id: 4 }, top, windowWith(top))).toBe(false);
  });

  it('refuses a subframe of the window', () => {
    const child: FrameFacts = { url: 'app://desk/index.html', processId: 7, routingId: 2, parent: top };
    expect(isTrustedSender({ id: 3 }, child, windowWith(top))).toBe(false);
  });

  it('refuses the top frame once it shows another origin', () => {
    const elsewhere = { ...top, url: 'https://example.com/' };
    expect(isTrustedSender({ id: 3 }, elsewhere, windowWith(elsewhere))).toBe(false);
  });

  it('refuses when the frame is gone or the window is closed', () => {
    expect(isTrustedSender({ id: 3 }, null, windowWith(top))).toBe(false);
    expect(isTrustedSender({ id: 3 }, undefined, windowWith(top))).toBe(false);
    expect(isTrustedSender({ id: 3 }, top, null)).toBe(false);
    expect(isTrustedSender({ id: 3 }, top, windowWith(top, true))).toBe(false);
  });
});
