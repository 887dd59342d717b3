import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { REGISTER_COLUMNS, type RegisterColumn } from '../../../../shared/ipc/register-import';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { invalidateTopics } from '../../frame/query';

export type ColumnMap = Partial<Record<RegisterColumn, string>>;

/** Each contract column read from the file's column of the same name, where the file has one. */
export function mappingByName(fileColumns: readonly string[]): ColumnMap {
  const byLower = new Map(fileColumns.map((c) => [c.trim().toLowerCase(), c]));
  const map: ColumnMap = {};
  for (const column of REGISTER_COLUMNS) {
    const found = byLower.get(column);
    if (found !== undefined) map[column] = found;
  }
  return map;
}

const NOT_IN_FILE = '';

/**
 * Which of the file's columns holds each of the contract's (a file with a header: CSV or .xlsx),
 * and saving that as the issuer's named layout, so the next file from the issuer needs none of it.
 */
export function ColumnMapping({ issuer, format, fileColumns, map, onChange }: { issuer: string; format: 'csv' | 'xlsx'; fileColumns: readonly string[]; map: ColumnMap; onChange: (next: ColumnMap) => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const baseId = useId();
  const [name, setName] = useState('');
  const save = async () => {
    if (name.trim() === '') return status.report('Layout name is required to save the columns as a layout', 'problem');
    const spec = format === 'csv' ? { format, delimiter: ',', columns: map } : { format, columns: map };
    const saved = await call('register.saveLayout', { issuer, name: name.trim(), format, spec });
    if (!saved.ok) return status.report(saved.error.message, 'problem');
    await invalidateTopics(queryClient, ['register']);
    status.report(`Layout "${saved.value.name}" saved for ${issuer} (version ${saved.value.version}).`, 'done');
  };
  return (
    <fieldset className="column-mapping">
      <legend>Map the columns: which column of the file holds each</legend>
      <div className="mapping-grid">
        {REGISTER_COLUMNS.map((column) => (
          <div className="field inline" key={column}>
            <label htmlFor={`${baseId}-${column}`}>{column}</label>
            <select
              id={`${baseId}-${column}`}
              value={map[column] ?? NOT_IN_FILE}
              onChange={(e) => {
                const next = { ...map };
                if (e.target.value === NOT_IN_FILE) delete next[column];
                else next[column] = e.target.value;
                onChange(next);
              }}
            >
              <option value={NOT_IN_FILE}>(not in the file)</option>
              {fileColumns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="field inline">
        <label htmlFor={`${baseId}-name`}>Save as the layout named</label>
        <input id={`${baseId}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <button type="button" onClick={() => void save()}>
          Save layout
        </button>
      </div>
    </fieldset>
  );
}
