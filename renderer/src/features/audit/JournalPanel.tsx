import { useCallback, useEffect, useState } from 'react';
import type { JournalEntryView, JournalVerification } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { formatInstant } from '../../lib/dates';
import { describeVerification, newestFirst, payloadSummary } from './journal';

const PAGE = 100;

export function JournalPanel() {
  const call = useDesk();
  const status = useStatus();
  const [entries, setEntries] = useState<readonly JournalEntryView[]>([]);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [verification, setVerification] = useState<JournalVerification | null>(null);

  const load = useCallback(
    async (beforeSeq?: number) => {
      const result = await call('journal.list', beforeSeq === undefined ? { limit: PAGE } : { beforeSeq, limit: PAGE });
      if (!result.ok) return setProblem(result.error.message);
      setProblem(null);
      setMore(result.value.length === PAGE);
      setEntries((old) => newestFirst(beforeSeq === undefined ? result.value : [...old, ...result.value]));
    },
    [call],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    setVerification(null);
    const result = await call('journal.verify', {});
    if (!result.ok) return status.report(result.error.message, 'problem');
    setVerification(result.value);
    status.report(describeVerification(result.value), result.value.ok ? 'done' : 'problem');
  };

  const oldest = entries[entries.length - 1];

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">Journal</h2>
      <div className="toolbar">
        <button type="button" onClick={() => void verify()}>
          Verify journal
        </button>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {verification ? (
        <p className={verification.ok ? 'result-ok' : 'form-problem'}>
          <strong>{verification.ok ? 'Verified: ' : 'Broken: '}</strong>
          {describeVerification(verification)}
        </p>
      ) : null}
      {problem ? (
        <p className="form-problem" role="alert">
          The journal cannot be read: {problem}
        </p>
      ) : null}
      <table className="grid journal">
        <caption className="visually-hidden">Journal entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.seq}</td>
              <td>{formatInstant(e.at)}</td>
              <td>{e.username ?? 'system'}</td>
              <td className="code">{e.action}</td>
              <td className="payload">{payloadSummary(e.payload)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !problem ? <p className="notice">The journal is empty.</p> : null}
      {more && oldest ? (
        <div className="toolbar">
          <button type="button" onClick={() => void load(oldest.seq)}>
            Older entries
          </button>
        </div>
      ) : null}
    </section>
  );
}
