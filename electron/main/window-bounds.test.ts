import { describe, expect, it } from 'vitest';
import { MIN_SIZE, restorableBounds } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('restorableBounds', () => {
  it('has nothing to restore on first start', () => {
    expect(restorableBounds(null, [laptop])).toBeNull();
  });

  it('restores a window that is on a screen as it was', () => {
    const saved = { x: 1600, y: 100, width: 1600, height: 1000, maximized: true };
    expect(restorableBounds(saved, [laptop, monitor])).toEqual(saved);
  });

  it('forgets a window left on a monitor that is gone', () => {
    expect(restorableBounds({ x: 1600, y: 100, width: 1600, height: 1000, maximized: false }, [laptop])).toBeNull();
  });

  it('shrinks and moves a window to fit the screen it is mostly on', () => {
    expect(restorableBounds({ x: 100, y: 50, width: 1500, height: 900, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('never restores below the minimum size', () => {
    const restored = restorableBounds({ x: 10, y: 10, width: 300, height: 200, maximized: false }, [laptop]);
    expect(restored).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });
});
