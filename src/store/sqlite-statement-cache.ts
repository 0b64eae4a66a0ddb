import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/**
 * A better-sqlite3 database whose prepare() reuses statements, by SQL text, from a bounded LRU cache.
 * Kysely prepares every query anew; preparing costs as much as running a primary-key lookup.
 * Safe because Kysely uses the single SQLite connection one query at a time.
 */
export function withStatementCache(db: SqliteDatabase, limit = 500) {
  const statements = new Map<string, Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): Statement {
      const cached = statements.get(sql);
      // A statement still being iterated cannot run again until it is done.
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > limit) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
