import { csvSource } from './csv-source';
import { fixedSource } from './fixed-source';
import type { LayoutSpec } from './layout';
import type { RegisterSource } from './source';
import { xlsxSource } from './xlsx-source';

/** The file read through its layout. */
export function openRegisterSource(file: string, shown: string, spec: LayoutSpec): RegisterSource {
  if (spec.format === 'csv') return csvSource(file, shown, spec);
  if (spec.format === 'fixed') return fixedSource(file, shown, spec);
  return xlsxSource(file, shown, spec);
}
