import { useState } from 'react';
import type { BookInfo } from '../../../../shared/ipc/types';
import { BookChoice, type BookChoiceControl } from '../book/BookChoice';
import { credentialsInput } from '../../../../shared/ipc/schemas';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { checkWith, formSchema } from '../../lib/validation';

type Values = { username: string; password: string };

const checks = {
  username: checkWith<Values>(credentialsInput.shape.username, 'User name'),
  password: checkWith<Values>(credentialsInput.shape.password, 'Password'),
};
const schema = formSchema<Values>(() => checks);

export function SignInScreen({
  notice,
  onSignedIn,
  onBookChanged,
  bookChoice,
}: {
  notice?: string;
  onSignedIn: () => void;
  onBookChanged: (info: BookInfo) => void;
  bookChoice?: BookChoiceControl;
}) {
  const call = useDesk();
  const status = useStatus();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({
    id: 'sign-in',
    initial: { username: '', password: '' },
    schema,
    onProblem: (m) => status.report(m, 'problem'),
  });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const result = await call('session.signIn', { ...form.values });
    if (!result.ok) {
      // The password is cleared so the next attempt starts clean; the focus stays where it is.
      form.reset({ username: form.values.username });
      setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    status.report(`Signed in as ${result.value.displayName}.`, 'done');
    onSignedIn();
    return true;
  };

  return (
    <main className="gate">
      <p className="product">Offering Desk</p>
      {notice ? <p className="gate-intro">{notice}</p> : null}
      <EntryForm title="Sign in" onSave={save} dirty={form.dirty} saveLabel="Sign in" problem={problem}>
        <TextField label="User name" field={form.bind('username')} autoFocus autoComplete="username" />
        <TextField label="Password" type="password" field={form.bind('password')} autoComplete="current-password" />
      </EntryForm>
      <section aria-label="Another book" className="gate-other-book">
        <BookChoice onBookChanged={onBookChanged} {...bookChoice} />
      </section>
    </main>
  );
}
