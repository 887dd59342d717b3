import { describe, expect, it } from 'vitest';
import { AREAS, areaForCommand, mayOpenArea } from './areas';
import { commandForKey, isMenuCommand, type KeyStroke } from './keys';

const stroke = (key: string, mods: Partial<KeyStroke> = {}): KeyStroke => ({
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('commandForKey', () => {
  it('maps Ctrl+1 … Ctrl+9 and Ctrl+0 to the ten areas in roadmap order', () => {
    const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
    const commands = keys.map((k) => commandForKey(stroke(k, { ctrlKey: true, code: `Digit${k}` }), true));
    expect(commands).toEqual(AREAS.map((a) => a.command));
    expect(commands[0]).toBe('area:setup');
    expect(commands[9]).toBe('area:audit');
  });

  it('reads the digit from the physical key when the layout gives another character', () => {
    expect(commandForKey(stroke('&', { ctrlKey: true, code: 'Digit1' }), false)).toBe('area:setup');
  });

  it('maps Ctrl+K, Ctrl+L, Ctrl+P and F1', () => {
    expect(commandForKey(stroke('k', { ctrlKey: true }), true)).toBe('find');
    expect(commandForKey(stroke('L', { ctrlKey: true }), true)).toBe('session:lock');
    expect(commandForKey(stroke('p', { ctrlKey: true }), true)).toBe('print');
    expect(commandForKey(stroke('F1'), true)).toBe('help:keys');
  });

  it('maps Alt+Left and Alt+Right to back and forward', () => {
    expect(commandForKey(stroke('ArrowLeft', { altKey: true }), true)).toBe('nav:back');
    expect(commandForKey(stroke('ArrowRight', { altKey: true }), false)).toBe('nav:forward');
    expect(commandForKey(stroke('ArrowLeft'), false)).toBeNull();
  });

  it('treats / as find only outside a text field', () => {
    expect(commandForKey(stroke('/'), false)).toBe('find');
    expect(commandForKey(stroke('/'), true)).toBeNull();
  });

  it('leaves ordinary typing and unrelated chords alone', () => {
    expect(commandForKey(stroke('a'), false)).toBeNull();
    expect(commandForKey(stroke('1'), false)).toBeNull();
    expect(commandForKey(stroke('1', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(commandForKey(stroke('c', { ctrlKey: true }), true)).toBeNull();
  });
});

describe('areas', () => {
  it('finds the area of a menu command and knows menu command names', () => {
    expect(areaForCommand('area:lost')?.label).toBe('Lost certificates');
    expect(isMenuCommand('session:signOut')).toBe(true);
    expect(isMenuCommand('area:nowhere')).toBe(false);
  });

  it('keeps Audit for supervisors and administrators', () => {
    const audit = AREAS.find((a) => a.id === 'audit')!;
    expect(mayOpenArea(audit, 'clerk')).toBe(false);
    expect(mayOpenArea(audit, 'supervisor')).toBe(true);
    expect(mayOpenArea(AREAS[0]!, 'clerk')).toBe(true);
  });
});
