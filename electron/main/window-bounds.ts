import type { WindowBounds } from '../desk/prefs/prefs';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;

/**
 * The saved window position if it is still mostly on a screen (displays change: a laptop leaves
 * its dock), otherwise null so the window opens centred at the default size. Sizes are clamped
 * to the display the window lands on.
 */
export function restorableBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[]): WindowBounds | null {
  if (saved === null) return null;
  const area = workAreas.find((a) => overlap(saved, a) >= 0.5 * saved.width * saved.height);
  if (area === undefined) return null;
  const width = clamp(saved.width, MIN_SIZE.width, area.width);
  const height = clamp(saved.height, MIN_SIZE.height, area.height);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}

const overlap = (a: Rectangle, b: Rectangle): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(value, Math.max(low, high)));
