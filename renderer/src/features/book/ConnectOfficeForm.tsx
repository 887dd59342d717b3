import { useState } from 'react';
import { connectOfficeInput, TLS_MODES, type TlsMode } from '../../../../shared/ipc/schemas';
import type { BookInfo } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { CheckField } from '../../components/CheckField';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { checkWith, formSchema, type FieldCheck } from '../../lib/validation';

type Values = { host: string; port: string; database: string; user: string; password: string; tls: string; remember: string };

const shape = connectOfficeInput.shape;
const port: FieldCheck<Values> = (v) => {
  const parsed = shape.port.safeParse(/^\d{1,5}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
  return parsed.success ? null : 'Port: type the server’s port as digits, e.g. 5432';
};
const checks = {
  host: checkWith<Values>(shape.host, 'Host'),
  port,
  database: checkWith<Values>(shape.database, 'Database'),
  user: checkWith<Values>(shape.user, 'Database user'),
  password: checkWith<Values>(shape.password, 'Database password'),
  tls: checkWith<Values>(shape.tls, 'TLS'),
};
const schema = formSchema<Values>(() => checks);

const TLS_WORDS: Readonly<Record<TlsMode, string>> = {
  'verify-full': 'verify-full: encrypted, certificate checked',
  require: 'require: encrypted, certificate not checked',
  disable: 'disable: not encrypted',
};
const TLS_OPTIONS = [...TLS_MODES].reverse().map((m) => ({ value: m, label: TLS_WORDS[m] }));

interface ConnectOfficeFormProps {
  readonly onConnected: (info: BookInfo) => void;
  readonly onClose: (discarded: boolean) => void;
}

/**
 * File ▸ Connect to an office database…: where the office's book is and who connects. The desk
 * connects and checks the book before leaving the one it has; the password is kept only if asked,
 * and then only sealed by the operating system.
 */
export function ConnectOfficeForm({ onConnected, onClose }: ConnectOfficeFormProps) {
  const call = useDesk();
  const status = useStatus();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({
    id: 'connect-office',
    initial: { host: '', port: '5432', database: '', user: '', password: '', tls: 'verify-full', remember: 'no' },
    schema,
    onProblem: (m) => status.report(m, 'problem'),
  });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    status.report(`Connecting to ${v.host}…`, 'info');
    const result = await call('book.connect', {
      host: v.host.trim(),
      port: Number(v.port.trim()),
      database: v.database.trim(),
      user: v.user.trim(),
      password: v.password,
      tls: v.tls as TlsMode,
      remember: v.remember === 'yes',
    });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    status.report(`Connected to the office database ${result.value.path}.`, 'done');
    onConnected(result.value);
    return true;
  };

  return (
    <EntryForm title="Connect to an office database" onSave={save} onAbandon={onClose} dirty={form.dirty} saveLabel="Connect" problem={problem}>
      <TextField label="Host" field={form.bind('host')} autoFocus hint="the database server's name or address" />
      <TextField label="Port" field={form.bind('port')} inputMode="numeric" maxLength={5} />
      <TextField label="Database" field={form.bind('database')} hint="e.g. offering_desk" />
      <TextField label="Database user" field={form.bind('user')} autoComplete="username" hint="the desks' role your administrator gave you" />
      <TextField label="Database password" type="password" field={form.bind('password')} autoComplete="current-password" />
      <SelectField label="TLS" field={form.bind('tls')} options={TLS_OPTIONS} hint="disable only on this machine or a network you trust" />
      <CheckField
        label="Remember the password on this workstation"
        field={form.bind('remember')}
        onToggle={(checked) => form.setValue('remember', checked ? 'yes' : 'no')}
        hint="sealed by the operating system; the desk reconnects at its next start"
      />
    </EntryForm>
  );
}
