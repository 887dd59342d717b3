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
  // Each table's columns with their record names, worked out once: a whole-program read maps
  // hundreds of thousands of rows, and renaming every column of every row again showed in profiles.
  const fields = new Map<ProvenTable, readonly (readonly [string, string, 'int' | 'text' | 'bytes', boolean])[]>();
  const fieldsOf = (table: ProvenTable) => {
    let known = fields.get(table);
    if (!known) fields.set(table, (known = Object.entries(columnsOf(table)).map(([column, type]) => [column, camel(column), type, json.has(column)] as const)));
    return known;
  };
  return {
    toRecord<R>(table: ProvenTable, row: Row): R {
      const out: Row = {};
      for (const [column, name, type, isJson] of fieldsOf(table)) {
        const value = row[column];
        if (value === null || value === undefined) out[name] = null;
        else if (isJson) out[name] = JSON.parse(String(value));
        else out[name] = type === 'int' ? Number(value) : value;
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
