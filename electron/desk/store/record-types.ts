// A row of the generic append-only tables as a record (intake, lost, supervision): camelCase
// names, `id` a number, JSON columns as parsed values. One definition for the three ports.

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

type Plain<V> = V extends { __select__: infer S } ? S : V;

/** Row `Row` (as Kysely sees it) as a record, its `Json` columns parsed (unknown until checked). */
export type TableRecord<Row, Json extends string> = {
  readonly [K in keyof Row & string as Camel<K>]: K extends Json ? unknown : K extends 'id' ? number : Plain<Row[K]>;
};
