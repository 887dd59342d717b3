import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RegisterEntryView } from '../../../../shared/ipc/register-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { Dialog } from '../../components/Dialog';

/** How long a revealed TIN stays on screen. */
const SHOWN_FOR_S = 60;

/**
 * A supervisor's "Reveal TIN…": asks why (journaled in main with who asked), shows the full TIN
 * for a minute, then forgets it. Clerks never see the button, and main refuses them anyway.
 */
export function RevealTin({ user, entry }: { readonly user: SessionUser; readonly entry: RegisterEntryView }) {
  const [open, setOpen] = useState(false);
  if (user.role === 'clerk' || entry.tinType === 'NONE' || entry.maskedTin === 'none') return null;
  return (
    <>
      <button type="button" className="inline" onClick={() => setOpen(true)}>
        Reveal TIN…
      </button>
      {open ? <RevealDialog entry={entry} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RevealDialog({ entry, onClose }: { readonly entry: RegisterEntryView; readonly onClose: () => void }) {
  const call = useDesk();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [tin, setTin] = useState<string | null>(null);
  const [left, setLeft] = useState(SHOWN_FOR_S);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (tin === null) return;
    // The form that had the focus is gone: the focus stays in the window, on Close.
    close.current?.focus();
    const timer = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(timer);
  }, [tin]);
  useEffect(() => {
    if (tin !== null && left <= 0) onClose();
  }, [tin, left, onClose]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await call('register.revealTin', { entryId: entry.id, reason });
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setTin(result.value.tin);
  };

  return (
    <Dialog title={`TIN of account ${entry.account}`} onClose={onClose}>
      {tin === null ? (
        <form onSubmit={(e) => void submit(e)}>
          <p>The full TIN is shown only with a reason; who asked and why go to the journal.</p>
          <div className={problem ? 'field has-problem' : 'field'}>
            <label htmlFor={`${id}-reason`}>Reason for revealing the TIN</label>
            <input id={`${id}-reason`} data-autofocus value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoComplete="off" aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} />
            {problem ? (
              <span className="field-problem" id={`${id}-problem`}>
                {problem}
              </span>
            ) : null}
          </div>
          <div className="toolbar">
            <button type="submit">Reveal</button>
            <button type="button" onClick={onClose}>
              Cancel <kbd>Esc</kbd>
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="revealed-tin">
            <span className="code" aria-label="Full TIN">
              {tin}
            </span>{' '}
            ({entry.tinType})
          </p>
          <p className="field-hint" aria-live="polite">
            Hidden again in {left} s, or when this window closes.
          </p>
          <div className="toolbar">
            <button ref={close} type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
