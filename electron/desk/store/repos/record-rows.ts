// Rows of the generic append-only repositories (intake.ts, lost.ts) as records and back: camelCase
// names, integers as numbers (pg gives bigint counts as text), JSON columns parsed. The columns come
// from PROVEN_TABLES, which the schema test keeps equal to both schemas.
import { PROVEN_TABLES, type ProvenTable } from '../row-digests';

export type Row = Record<string, unknown>;

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const columnsOf = (table: ProvenTable): Readonly<Record<string, 'int' | 'text' | 'bytes'>> => PROVEN_TABLES[table];

/** The table's column for a record's field name; a name the table does not have is a programming error. */
export function checkedColumn(table: ProvenTable, name: string): string {
  const column = snake(name);
  if (!(column in columnsOf(table))) throw new Error(`${table} has no column ${column}`);
  return column;
}

export function recordRows(jsonColumns: readonly string[]) {
  const json: ReadonlySet<string> = new Set(jsonColumns);
  return {
    toRecord<R>(table: ProvenTable, row: Row): R {
      const out: Row = {};
      for (const [column, type] of Object.entries(columnsOf(table))) {
        const value = row[column];
        if (value === null || value === undefined) out[camel(column)] = null;
        else if (json.has(column)) out[camel(column)] = JSON.parse(String(value));
        else out[camel(column)] = type === 'int' ? Number(value) : value;
      }
      return out as R;
    },
    /** A record without its id as the row to insert. */
    toRow(table: ProvenTable, record: Row): Row {
      const row: Row = {};
      for (const [name, value] of Object.entries(record)) {
        const column = checkedColumn(table, name);
        if (column === 'id') throw new Error(`${table}: an insert never names its id`);
        row[column] = json.has(column) && value !== null ? JSON.stringify(value) : value;
      }
      return row;
    },
  };
}
