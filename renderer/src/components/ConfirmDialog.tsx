import type { KeyboardEvent } from 'react';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  readonly question: string;
  readonly detail?: string;
  readonly yesLabel: string;
  readonly noLabel: string;
  readonly onAnswer: (yes: boolean) => void;
}

/** A yes/no question; Y and N answer it, Esc means no. Focus starts on the safe answer. */
export function ConfirmDialog({ question, detail, yesLabel, noLabel, onAnswer }: ConfirmDialogProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = e.key.toLowerCase();
    if (key === 'y' || key === 'n') {
      e.preventDefault();
      e.stopPropagation();
      onAnswer(key === 'y');
    }
  };
  return (
    <Dialog title={question} role="alertdialog" onClose={() => onAnswer(false)} className="confirm">
      <div onKeyDown={onKeyDown}>
        {detail ? <p>{detail}</p> : null}
        <div className="form-actions">
          <button type="button" onClick={() => onAnswer(true)}>
            <span className="key-hint">Y</span> {yesLabel}
          </button>
          <button type="button" data-autofocus onClick={() => onAnswer(false)}>
            <span className="key-hint">N</span> {noLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
