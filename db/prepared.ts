import type postgres from "postgres";

/**
 * Whether queries run as named (prepared) statements on PostgreSQL. On by default; set
 * DATABASE_PREPARE=false behind a pooler that hands each transaction a different server connection
 * (PgBouncer in transaction mode before 1.21), where a statement prepared on one connection is
 * unknown on the next.
 */
export function preparedStatementsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(false|0|no|off)$/i.test(env.DATABASE_PREPARE?.trim() ?? "");
}

/**
 * drizzle's postgres-js session runs every query through `client.unsafe(text, params, { prepare })`
 * with `prepare: false` unless the query was given a name, so PostgreSQL parses, analyses and
 * plans each one again, in two round trips (describe, then bind). This client answers drizzle's
 * queries as postgres.js's own tagged queries are answered: each connection prepares a statement
 * the first time it meets its text and then only binds and executes it.
 *
 * Safe with the pool: postgres.js keeps the prepared statements per connection, keyed by text and
 * parameter types, and prepares again on a connection that has not seen the text. drizzle builds the
 * same text for the same query shape, so each connection holds at most the app's few hundred
 * statement shapes, and postgres.js recycles connections every 30–60 minutes (`max_lifetime`). A
 * plan invalidated by a migration is prepared again by postgres.js itself.
 */
export function preparingClient(client: postgres.Sql): postgres.Sql {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (property === "unsafe") {
          return (text: string, params?: unknown[], options?: Record<string, unknown>) =>
            (value as postgres.Sql["unsafe"]).call(object, text, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
        }
        // A transaction's and a savepoint's client run their queries through `unsafe` as well.
        if (property === "begin" || property === "savepoint") {
          return (...args: unknown[]) => {
            const callback = args.pop() as (sql: postgres.Sql) => unknown;
            return (value as (...a: unknown[]) => unknown).call(object, ...args, (inner: postgres.Sql) => callback(wrap(inner)));
          };
        }
        return value;
      },
    });
  return wrap(client);
}
