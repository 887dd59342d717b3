import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rightsOfferingTermsSchema } from '../domain/terms';
import { channels } from './channels';
import { labelOf, labelled, schemasAlong } from './labels';
import './terms-labels';

describe('field labels kept with the schemas', () => {
  it('names the same key differently where it means different things', () => {
    const classCode = schemasAlong(rightsOfferingTermsSchema, ['classes', 0, 'code']).at(-1);
    expect(labelOf(classCode)).toEqual({ label: 'Class code', hint: 'type a short code such as A' });
    const recordDate = schemasAlong(channels['programs.create'].input, ['recordDate']).at(-1);
    expect(labelOf(recordDate)?.label).toBe('Record date');
    const at = schemasAlong(rightsOfferingTermsSchema, ['expiration', 'at']).at(-1);
    expect(labelOf(at)?.label).toBe('Expiration date and time');
  });

  it('finds a label through optional, default and nullable wrappers', () => {
    const inner = labelled(z.string(), 'Printer');
    expect(labelOf(inner.nullable().optional())).toEqual({ label: 'Printer' });
    expect(labelOf(labelled(z.number(), 'Limit').default(3))).toEqual({ label: 'Limit' });
  });

  it('labels every field of every channel input', () => {
    const unlabelled: string[] = [];
    for (const [name, channel] of Object.entries(channels)) {
      const shape = (channel.input as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
      for (const [key, field] of Object.entries(shape)) if (!labelOf(field)) unlabelled.push(`${name}.${key}`);
    }
    expect(unlabelled).toEqual([]);
  });

  it('stops where a path leaves the schema', () => {
    expect(schemasAlong(channels['programs.create'].input, ['nope', 'deeper'])).toHaveLength(1);
  });
});
