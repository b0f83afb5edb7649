import { type Column, getTableName, type SQL, sql } from "drizzle-orm";

/**
 * A column as `"table"."column"`, whatever the query around it. Drizzle writes a bare `"column"` for
 * a column inside a `sql` selection of a query on a single table, and in a subquery that bare name
 * resolves to the subquery's own table (`where v.policy_id = "id"` compares v's own id): correlated
 * subqueries in a selection name the outer column through this.
 */
export function outer(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** Escapes LIKE wildcards so a search for "50%" or "a_b" means those characters (with `escape '\\'`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
