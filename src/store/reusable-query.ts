import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query built and compiled once per dialect, then run with new parameter values. Kysely otherwise
 * rebuilds and recompiles the query tree on every call, which costs as much as the lookup itself on
 * the hottest reads (Get process). The builder must use its parameters, in order, as the query's only
 * bound values; the first compilation checks that.
 */
export class ReusableQuery<Row, Params extends readonly unknown[]> {
  private readonly sqlByAdapter = new WeakMap<object, string>();

  constructor(private readonly build: (db: Kysely<Database>, ...params: Params) => Compilable<Row>) {}

  async execute(db: Kysely<Database>, ...params: Params): Promise<Row[]> {
    const adapter = db.getExecutor().adapter;
    let sql = this.sqlByAdapter.get(adapter);
    if (sql === undefined) {
      const compiled = this.build(db, ...params).compile();
      if (compiled.parameters.length !== params.length || compiled.parameters.some((value, i) => value !== params[i])) {
        throw new Error('A ReusableQuery must bind exactly its parameters, in order.');
      }
      sql = compiled.sql;
      this.sqlByAdapter.set(adapter, sql);
    }
    const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(sql, [...params]));
    return rows;
  }
}
