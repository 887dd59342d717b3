import { useState } from 'react';
import type { BookInfo } from '../../../../shared/ipc/types';
import { BookChoice, type BookChoiceControl } from '../book/BookChoice';
import { firstAdminInput, passwordSchema } from '../../../../shared/ipc/schemas';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { allOf, checkWith, formSchema } from '../../lib/validation';
import { confirmMatches } from './passwords';

type Values = { username: string; displayName: string; password: string; confirm: string };

const checks = {
  username: checkWith<Values>(firstAdminInput.shape.username, 'User name'),
  displayName: checkWith<Values>(firstAdminInput.shape.displayName, 'Full name'),
  password: checkWith<Values>(passwordSchema, 'Password'),
  confirm: allOf<Values>(confirmMatches),
};
const schema = formSchema<Values>(() => checks);

/** First start of a new book: the administrator who will create everyone else. */
/** A new book asks for its administrator; a new workstation may instead open the office's book. */
export function FirstStartScreen({ onCreated, onBookChanged, bookChoice }: { onCreated: () => void; onBookChanged: (info: BookInfo) => void; bookChoice?: BookChoiceControl }) {
  const call = useDesk();
  const status = useStatus();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({
    id: 'first-admin',
    initial: { username: '', displayName: '', password: '', confirm: '' },
    schema,
    onProblem: (m) => status.report(m, 'problem'),
  });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const { username, displayName, password } = form.values;
    const result = await call('session.createFirstAdmin', { username, displayName, password });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    status.report(`Administrator ${result.value.displayName} created.`, 'done');
    onCreated();
    return true;
  };

  return (
    <main className="gate">
      <p className="product">Offering Desk</p>
      <p className="gate-intro">This book has no users yet. Create the administrator, who then creates everyone else.</p>
      <EntryForm title="Create the administrator" onSave={save} dirty={form.dirty} saveLabel="Create administrator" problem={problem}>
        <TextField label="User name" field={form.bind('username')} autoFocus hint="Letters, digits, dot, dash or underscore" />
        <TextField label="Full name" field={form.bind('displayName')} />
        <TextField label="Password" type="password" field={form.bind('password')} autoComplete="new-password" hint="At least 12 characters, not your user name or a common password" />
        <TextField label="Confirm password" type="password" field={form.bind('confirm')} autoComplete="new-password" />
      </EntryForm>
      <section aria-labelledby="first-start-book" className="gate-other-book">
        <h2 id="first-start-book">Or use the office’s book</h2>
        <p className="muted">If your office keeps its book on a server or in a shared file, open it instead of starting a new one here.</p>
        <BookChoice onBookChanged={onBookChanged} {...bookChoice} />
      </section>
    </main>
  );
}
