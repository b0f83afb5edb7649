import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findSchemaProblems } from "./schema-drift";

const root = path.resolve(import.meta.dirname, "..");

type Journal = { entries: { tag: string; when: number }[] };
type Snapshot = { tables: Record<string, { columns: Record<string, { name: string }> }> };

describe("the schema check", () => {
  let scratch: string;
  let migrations: string;

  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), "pillars-schema-test-"));
    migrations = path.join(scratch, "migrations");
    cpSync(path.join(root, "db/migrations"), migrations, { recursive: true });
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const journalFile = () => path.join(migrations, "meta", "_journal.json");
  const readJson = <T>(file: string) => JSON.parse(readFileSync(file, "utf8")) as T;
  const latestTag = () => readJson<Journal>(journalFile()).entries.at(-1)!.tag;

  it("passes when the committed migrations make exactly the schema", () => {
    expect(findSchemaProblems({ root })).toEqual([]);
  });

  it("fails on a schema change that has no migration, showing the SQL that is missing", () => {
    const pgCore = createRequire(path.join(root, "package.json")).resolve("drizzle-orm/pg-core");
    const schema = path.join(scratch, "schema.ts");
    writeFileSync(
      schema,
      [
        `export * from ${JSON.stringify(path.join(root, "db/schema/index.ts"))};`,
        `import { pgTable, text } from ${JSON.stringify(pgCore)};`,
        `export const probes = pgTable("schema_check_probe", { id: text("id").primaryKey() });`,
      ].join("\n"),
    );

    const problems = findSchemaProblems({ root, migrations, schema });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("has changes that no committed migration makes");
    expect(problems[0]).toContain('CREATE TABLE "schema_check_probe"');
  });

  it("fails without waiting for an answer when a column looks renamed", () => {
    // The last snapshot says `homepage` where the schema says `website`: created, or renamed?
    const snapshotFile = path.join(migrations, "meta", `${latestTag().slice(0, 4)}_snapshot.json`);
    const snapshot = readJson<Snapshot>(snapshotFile);
    const columns = snapshot.tables["public.organizations"]!.columns;
    columns.homepage = { ...columns.website!, name: "homepage" };
    delete columns.website;
    writeFileSync(snapshotFile, JSON.stringify(snapshot));

    const problems = findSchemaProblems({ root, migrations });

    expect(problems).toEqual([expect.stringContaining("answer its questions")]);
  });

  it("fails on a migration that the journal does not name", () => {
    writeFileSync(path.join(migrations, "0099_by_hand.sql"), "select 1;\n");

    expect(findSchemaProblems({ root, migrations })).toEqual([expect.stringContaining("0099_by_hand.sql is not in meta/_journal.json")]);
  });

  it("fails when the journal's timestamps do not increase, since the migrator would skip an entry", () => {
    const journal = readJson<Journal>(journalFile());
    journal.entries.at(-1)!.when = journal.entries[0]!.when;
    writeFileSync(journalFile(), JSON.stringify(journal));

    expect(findSchemaProblems({ root, migrations })).toEqual([expect.stringContaining("timestamp is not greater")]);
  });
});
