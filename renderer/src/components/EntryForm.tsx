import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDirtyRegistration } from '../app/DirtyForms';
import { ConfirmDialog } from './ConfirmDialog';

interface EntryFormProps {
  readonly title: string;
  /** Saves; resolves true when saved, and the focus then returns to the first field. */
  readonly onSave: () => Promise<boolean>;
  /** Present when the form can be abandoned with Esc or Cancel; `discarded` says whether keyed text was thrown away. */
  readonly onAbandon?: (discarded: boolean) => void;
  readonly dirty: boolean;
  readonly saveLabel?: string;
  /** A problem with the form as a whole (e.g. a refused sign-in), in words. */
  readonly problem?: string | null;
  readonly children: ReactNode;
  readonly className?: string;
}

/**
 * The keyboard conventions of every entry form: Enter moves to the next field and saves on
 * the last; Ctrl+Enter saves from anywhere; Esc abandons, asking first if something was keyed.
 */
export function EntryForm({ title, onSave, onAbandon, dirty, saveLabel = 'Save', problem, children, className }: EntryFormProps) {
  const titleId = useId();
  const problemId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const saving = useRef(false);
  // Esc pressed while a save is under way: honoured once it is saved (then nothing is left to ask about).
  const abandonAfterSave = useRef(false);
  const [asking, setAsking] = useState(false);
  // A form that can be abandoned holds the clerk's work: signing out asks before losing it.
  useDirtyRegistration(dirty && onAbandon !== undefined);

  const fields = () => Array.from(formRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? []);

  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    abandonAfterSave.current = false;
    let saved: boolean;
    try {
      saved = await onSave();
      if (saved) {
        const first = fields()[0];
        if (first?.isConnected) first.focus();
      }
    } finally {
      saving.current = false;
    }
    // A save that failed keeps the form and its problem on screen: the early Esc is dropped.
    if (saved && abandonAfterSave.current) onAbandon?.(false);
    abandonAfterSave.current = false;
  };

  const abandon = () => {
    if (!onAbandon) return;
    // While a save is under way what was keyed is being saved, not abandoned: Esc waits for it.
    if (saving.current) {
      abandonAfterSave.current = true;
      return;
    }
    if (dirty) setAsking(true);
    else onAbandon(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
      return;
    }
    if (e.key === 'Enter' && !e.altKey && !e.shiftKey) {
      // Fields marked data-enter-skip (exceptions a clean form leaves as they are) are reached with Tab.
      const list = fields().filter((el) => el === e.target || !el.hasAttribute('data-enter-skip'));
      const at = list.indexOf(e.target as HTMLElement);
      if (at === -1) return; // buttons keep their own Enter
      e.preventDefault();
      if (at === list.length - 1) void save();
      else list[at + 1]!.focus();
      return;
    }
    if (e.key === 'Escape' && onAbandon) {
      e.preventDefault();
      e.stopPropagation();
      abandon();
    }
  };

  return (
    <>
      <form
        ref={formRef}
        className={className ? `entry-form ${className}` : 'entry-form'}
        aria-labelledby={titleId}
        aria-describedby={problem ? problemId : undefined}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {problem ? (
          <p id={problemId} className="form-problem" role="alert">
            {problem}
          </p>
        ) : null}
        {children}
        <div className="form-actions">
          <button type="submit" className="primary">
            {saveLabel} <span className="key-hint">Ctrl+Enter</span>
          </button>
          {onAbandon ? (
            <button type="button" onClick={abandon}>
              Cancel <span className="key-hint">Esc</span>
            </button>
          ) : null}
        </div>
      </form>
      {asking ? (
        <ConfirmDialog
          question="Abandon what you keyed?"
          yesLabel="Abandon"
          noLabel="Keep keying"
          onAnswer={(yes) => {
            setAsking(false);
            if (yes) onAbandon?.(true);
          }}
        />
      ) : null}
    </>
  );
}
