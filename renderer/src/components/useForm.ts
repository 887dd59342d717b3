import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { hasKeyedSomething, validateAll, type FieldCheck, type FormErrors } from '../lib/validation';

export interface FieldBinding {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly error: string | null;
  readonly onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  readonly onBlur: () => void;
}

interface FormOptions<V extends Record<string, string>> {
  /** Prefix of the fields' element ids; unique on the page. */
  readonly id: string;
  readonly initial: V;
  readonly checks: { [K in keyof V]?: FieldCheck<V> };
  /** How a field shows once the clerk leaves it (e.g. a date as MM/DD/YYYY). */
  readonly normalize?: { [K in keyof V]?: (value: string) => string };
  /** Told about each problem as it appears, for the status line. */
  readonly onProblem?: (message: string) => void;
}

export interface Form<V extends Record<string, string>> {
  readonly values: V;
  readonly dirty: boolean;
  bind(name: keyof V & string): FieldBinding;
  /** Shows every problem; returns true when the form may be saved. Focuses the first bad field. */
  checkForSave(): boolean;
  /** A problem main found, shown beside its field until the field changes. */
  showFieldProblem(name: string, message: string): boolean;
  setValue(name: keyof V & string, value: string): void;
  reset(next?: Partial<V>): void;
}

/**
 * Field values and their problems. A field's problem shows once the clerk has left it with
 * something keyed (or tried to save), then follows every keystroke.
 */
export function useForm<V extends Record<string, string>>(options: FormOptions<V>): Form<V> {
  const { id, initial, checks, normalize, onProblem } = options;
  const initialRef = useRef(initial);
  // Refs mirror the state synchronously: a blur that fires right after a reset (the focus
  // going back to the first field) must see the reset values, not the ones before it.
  const valuesRef = useRef<V>(initial);
  const touchedRef = useRef<ReadonlySet<string>>(new Set());
  const [values, setValuesState] = useState<V>(initial);
  const [touched, setTouchedState] = useState<ReadonlySet<string>>(touchedRef.current);
  const [serverProblems, setServerProblems] = useState<Readonly<Record<string, string>>>({});

  const writeValues = (next: V) => {
    valuesRef.current = next;
    setValuesState(next);
  };
  const writeTouched = (next: ReadonlySet<string>) => {
    touchedRef.current = next;
    setTouchedState(next);
  };

  const problems = useMemo(() => validateAll(checks, values), [checks, values]);
  const visible = (name: string): string | null =>
    serverProblems[name] ?? (touched.has(name) ? ((problems as Record<string, string | undefined>)[name] ?? null) : null);

  const setValue = useCallback((name: keyof V & string, value: string) => {
    const next = { ...valuesRef.current, [name]: value };
    valuesRef.current = next;
    setValuesState(next);
    setServerProblems((p) => {
      if (!(name in p)) return p;
      const { [name]: _gone, ...rest } = p;
      return rest;
    });
  }, []);

  const bind = (name: keyof V & string): FieldBinding => ({
    id: `${id}-${name}`,
    name,
    value: values[name] ?? '',
    error: visible(name),
    onChange: (e) => setValue(name, e.target.value),
    onBlur: () => {
      const keyed = valuesRef.current[name] ?? '';
      const shown = normalize?.[name]?.(keyed) ?? keyed;
      if (shown !== keyed) setValue(name, shown);
      if (keyed === '' && !touchedRef.current.has(name)) return;
      if (!touchedRef.current.has(name)) writeTouched(new Set(touchedRef.current).add(name));
      const problem = checks[name]?.(shown, valuesRef.current) ?? null;
      if (problem !== null) onProblem?.(problem);
    },
  });

  const checkForSave = (): boolean => {
    writeTouched(new Set(Object.keys(valuesRef.current)));
    const now = validateAll(checks, valuesRef.current);
    const names = Object.keys(now) as (keyof FormErrors<V> & string)[];
    const first = names[0];
    if (first === undefined) return true;
    const message = (now as Record<string, string>)[first]!;
    onProblem?.(names.length > 1 ? `${message} (and ${names.length - 1} more)` : message);
    document.getElementById(`${id}-${first}`)?.focus();
    return false;
  };

  const showFieldProblem = (name: string, message: string): boolean => {
    if (!(name in valuesRef.current)) return false;
    setServerProblems((p) => ({ ...p, [name]: message }));
    return true;
  };

  const reset = (next?: Partial<V>) => {
    writeValues({ ...initialRef.current, ...next });
    writeTouched(new Set());
    setServerProblems({});
  };

  return { values, dirty: hasKeyedSomething(initialRef.current, values), bind, checkForSave, showFieldProblem, setValue, reset };
}
