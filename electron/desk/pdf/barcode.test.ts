import { describe, expect, it } from 'vitest';
import { barcodeNode, code128Modules } from './barcode';

const START = new Set(['211412', '211214', '211232']); // Code 128 start A, B, C
const STOP = '2331112';

describe('the certificate number barcode', () => {
  it('is a Code 128 symbol: a start code, 11-module symbols, the stop code', () => {
    for (const number of ['RT-000001', 'RT-123456', 'RT-999999']) {
      const widths = code128Modules(number);
      expect(START.has(widths.slice(0, 6).join(''))).toBe(true);
      expect(widths.slice(-7).join('')).toBe(STOP);
      const symbols = widths.slice(0, -7);
      expect(symbols.length % 6).toBe(0);
      for (let i = 0; i < symbols.length; i += 6) expect(symbols.slice(i, i + 6).reduce((a, b) => a + b, 0)).toBe(11);
    }
    expect(code128Modules('RT-000001')).not.toEqual(code128Modules('RT-000002'));
  });

  it('draws every bar, in proportion, inside the width asked for with quiet zones', () => {
    const widths = code128Modules('RT-000042');
    const node = barcodeNode('RT-000042', 170, 30) as { canvas: { x: number; w: number; h: number }[]; width: number };
    expect(node.canvas).toHaveLength(Math.ceil(widths.length / 2));
    const modules = widths.reduce((a, b) => a + b, 0) + 20;
    const unit = 170 / modules;
    expect(node.canvas[0]?.x).toBeCloseTo(10 * unit, 6);
    const last = node.canvas.at(-1);
    expect((last?.x ?? 0) + (last?.w ?? 0)).toBeCloseTo(170 - 10 * unit, 6);
    node.canvas.forEach((bar, i) => expect(bar.w).toBeCloseTo((widths[2 * i] ?? 0) * unit, 6));
  });
});
