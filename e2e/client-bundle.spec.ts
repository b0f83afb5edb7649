import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

/** Every file the browser may download, from the production build the end-to-end tests run against. */
function staticFiles(dir = path.join(".next", "static")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? staticFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/**
 * The schema's own identifiers: table and column names in the database's snake_case. One-word names
 * ("users", "settings") are also ordinary words that libraries use; a bundled table is caught by
 * Drizzle's markers instead.
 */
function schemaIdentifiers(): string[] {
  const names = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!(value instanceof PgTable)) continue;
    const table = getTableConfig(value);
    for (const name of [table.name, ...table.columns.map((column) => column.name)]) if (name.includes("_")) names.add(name);
  }
  return [...names].sort();
}

test("the browser bundle carries no part of the database schema", () => {
  const files = staticFiles().filter((file) => /\.(js|css|json|txt|map)$/.test(file));
  expect(files.length).toBeGreaterThan(10);
  const identifiers = schemaIdentifiers();
  expect(identifiers).toEqual(expect.arrayContaining(["password_hash", "seat_terms", "policy_versions", "organization_id"]));
  const leaks: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    // A Drizzle table in a bundle carries its markers, whatever the minifier does to its variables.
    if (/drizzle:(Name|Columns|Schema)/.test(text)) leaks.push(`${file}: a Drizzle table`);
    for (const name of identifiers) if (text.includes(name)) leaks.push(`${file}: ${name}`);
  }
  expect(leaks).toEqual([]);
});
