import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type PathValue, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { flattenValues } from '../lib/validation';
import type { FieldBinding } from './field-binding';

export interface EntryFormOptions<V extends FieldValues> {
  /** Prefix of the fields' element ids; unique on the page. */
  readonly id: string;
  readonly initial: V;
  /** What the resolver validates with; see formSchema in lib/validation. */
  readonly schema: z.ZodType<object, object>;
  /** How a field shows once the clerk leaves it (e.g. a date as MM/DD/YYYY), by field path. */
  readonly normalize?: (name: string) => ((value: string) => string) | undefined;
  /** Told about each problem as it appears, for the status line. */
  readonly onProblem?: (message: string) => void;
}

export interface EntryFormState<V extends FieldValues> {
  /** react-hook-form's own API, for field arrays (useFieldArray takes `form.control`). */
  readonly form: UseFormReturn<V>;
  readonly values: V;
  /** Something was keyed since the form opened or was last saved (carried-over fields do not count). */
  readonly dirty: boolean;
  bind(name: string): FieldBinding;
  /** Shows every problem; resolves true when the form may be saved. Focuses the first bad field. */
  checkForSave(): Promise<boolean>;
  /** A problem main found, shown beside its field until the field changes. */
  showFieldProblem(name: string, message: string): boolean;
  setValue(name: string, value: string): void;
  /** Starts again from the initial values, with `next` carried over (a batch's fixed fields). */
  reset(next?: Partial<V>): void;
}

/**
 * An entry form's values and problems on react-hook-form. A field's problem shows once the clerk
 * has left it with something keyed (or tried to save), then follows every keystroke.
 */
export function useEntryForm<V extends FieldValues>(options: EntryFormOptions<V>): EntryFormState<V> {
  const { id, initial, schema, normalize, onProblem } = options;
  const initialRef = useRef(initial);
  const touched = useRef(new Set<string>());
  // A check that ends after the form is gone (signed out, abandoned) must not leave a stale problem behind.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const form = useForm<V>({
    defaultValues: initial as DefaultValues<V>,
    resolver: zodResolver(schema) as never,
    mode: 'onSubmit',
    shouldFocusError: false,
  });
  const values = form.watch();
  const { errors, isDirty } = form.formState; // read during render: react-hook-form re-renders on their change
  void errors;
  const path = (name: string) => name as Path<V>;
  const write = (name: string, value: string) => form.setValue(path(name), value as PathValue<V, Path<V>>, { shouldDirty: true });
  const problemOf = (name: string): string | null => form.getFieldState(path(name), form.formState).error?.message ?? null;

  const bind = (name: string): FieldBinding => ({
    id: `${id}-${name}`,
    name,
    value: String(form.getValues(path(name)) ?? ''),
    error: problemOf(name),
    onChange: (e) => {
      write(name, e.target.value);
      if (touched.current.has(name)) void form.trigger(path(name));
      else form.clearErrors(path(name)); // main's problem goes once the field changes
    },
    onBlur: () => {
      const keyed = String(form.getValues(path(name)) ?? '');
      const shown = normalize?.(name)?.(keyed) ?? keyed;
      if (shown !== keyed) write(name, shown);
      if (keyed === '' && !touched.current.has(name)) return;
      touched.current.add(name);
      void form.trigger(path(name)).then((fine) => {
        const problem = fine ? null : problemOf(name);
        if (problem !== null && mounted.current) onProblem?.(problem);
      });
    },
  });

  const checkForSave = async (): Promise<boolean> => {
    const names = Object.keys(flattenValues(form.getValues()));
    names.forEach((n) => touched.current.add(n));
    if (await form.trigger()) return true;
    const bad = names.filter((n) => problemOf(n) !== null);
    const first = bad[0];
    if (first === undefined) return false;
    const message = problemOf(first)!;
    onProblem?.(bad.length > 1 ? `${message} (and ${bad.length - 1} more)` : message);
    document.getElementById(`${id}-${first}`)?.focus();
    return false;
  };

  const showFieldProblem = (name: string, message: string): boolean => {
    if (!(name in flattenValues(form.getValues()))) return false;
    form.setError(path(name), { type: 'server', message });
    return true;
  };

  const reset = (next?: Partial<V>) => {
    touched.current = new Set();
    form.reset({ ...initialRef.current, ...next });
  };

  return { form, values, dirty: isDirty, bind, checkForSave, showFieldProblem, setValue: write, reset };
}
