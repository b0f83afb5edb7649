import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type SchemaCheckOptions = {
  /** The project folder: drizzle.config.ts and node_modules live here. */
  root: string;
  /** Migrations to check instead of the config's `out` (tests pass a doctored copy). */
  migrations?: string;
  /** A schema module to compare instead of the config's `schema` (tests pass one with a change). */
  schema?: string;
};

const DRIZZLE_KIT_TIMEOUT_MS = 120_000;
// drizzle-kit prints these on success; anything else it says is a problem worth reading.
const QUIET_LINES = [/^No config path provided/, /^Reading config file/, /^Everything's fine/];

/**
 * What keeps the committed migrations from matching the schema, as sentences for a person; none when
 * they match. Runs `drizzle-kit check`, then `drizzle-kit generate` against a throw-away copy of the
 * migrations: a migration written there is one that nobody committed. Needs no database, and never
 * waits for an answer (drizzle-kit's questions about renames fail without a terminal).
 */
export function findSchemaProblems(options: SchemaCheckOptions): string[] {
  const root = path.resolve(options.root);
  const scratch = mkdtempSync(path.join(tmpdir(), "pillars-schema-check-"));
  try {
    const source = path.resolve(root, options.migrations ?? "db/migrations");
    const copy = path.join(scratch, "migrations");
    cpSync(source, copy, { recursive: true });
    const config = writeScratchConfig(root, scratch, copy, options.schema);
    return [...unjournaledMigrations(copy), ...runCheck(root, config), ...runGenerate(root, config, copy)];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The project's own config with the scratch copy as `out`, so every other setting stays the project's. */
function writeScratchConfig(root: string, scratch: string, migrations: string, schema: string | undefined): string {
  // drizzle-kit reads the snapshots at `./${out}`, so paths are given relative to the project.
  const overrides: Record<string, string> = { out: path.relative(root, migrations) };
  if (schema) overrides.schema = path.relative(root, path.resolve(root, schema));
  const file = path.join(scratch, "drizzle.config.ts");
  const base = JSON.stringify(path.join(root, "drizzle.config.ts"));
  writeFileSync(file, `import config from ${base};\nexport default { ...config, ...${JSON.stringify(overrides)} };\n`);
  return file;
}

/** SQL files the migrator would silently skip because the journal does not name them. */
function unjournaledMigrations(migrations: string): string[] {
  const journalFile = path.join(migrations, "meta", "_journal.json");
  if (!existsSync(journalFile)) return [`db/migrations has no meta/_journal.json.`];
  const tags = new Set((JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] }).entries.map((entry) => entry.tag));
  const files = readdirSync(migrations).filter((name) => name.endsWith(".sql"));
  const problems = files
    .filter((name) => !tags.has(name.slice(0, -".sql".length)))
    .map(
      (name) =>
        `${name} is not in meta/_journal.json, so it would never run: create migrations with \`npm run db:generate\` (add --custom for hand-written SQL).`,
    );
  for (const tag of tags) {
    if (!files.includes(`${tag}.sql`)) problems.push(`meta/_journal.json names ${tag}, but ${tag}.sql is missing.`);
  }
  return problems;
}

function runCheck(root: string, config: string): string[] {
  const { ok, output } = drizzleKit(root, ["check", "--config", config]);
  const noise = output.filter((line) => !QUIET_LINES.some((quiet) => quiet.test(line)));
  if (ok && noise.length === 0) return [];
  return [`drizzle-kit check found a problem in the migrations:\n${indent(noise.length ? noise : output)}`];
}

function runGenerate(root: string, config: string, migrations: string): string[] {
  const before = new Set(listFiles(migrations));
  const { ok, output } = drizzleKit(root, ["generate", "--config", config]);
  const written = listFiles(migrations).filter((file) => !before.has(file));
  const sql = written.filter((file) => file.endsWith(".sql"));
  if (sql.length > 0) {
    const statements = sql.map((file) => `-- ${path.basename(file)}\n${readFileSync(path.join(migrations, file), "utf8").trim()}`);
    return [
      `The schema (db/schema) has changes that no committed migration makes. Run \`npm run db:generate\` and commit the migration. ` +
        `drizzle-kit would generate:\n${indent(statements.join("\n\n").split("\n"))}`,
    ];
  }
  if (output.some((line) => line.includes("Interactive prompts require a TTY"))) {
    return [
      "The schema (db/schema) removes or renames a table or column that the migrations still have, and drizzle-kit needs to be told " +
        "which it is. Run `npm run db:generate` in a terminal, answer its questions, and commit the migration.",
    ];
  }
  if (ok && output.some((line) => line.startsWith("No schema changes"))) return [];
  return [`drizzle-kit generate did not finish as expected:\n${indent(output)}`];
}

function drizzleKit(root: string, args: string[]): { ok: boolean; output: string[] } {
  const bin = path.join(root, "node_modules", "drizzle-kit", "bin.cjs");
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    // No terminal: drizzle-kit then refuses to ask instead of waiting for an answer that never comes.
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: DRIZZLE_KIT_TIMEOUT_MS,
    killSignal: "SIGKILL",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.split("\n").filter((line) => line.trim() !== "");
  if (result.error) output.push(`(drizzle-kit ${args[0]}: ${result.error.message})`);
  // drizzle-kit exits 0 after many of its errors, so callers also read what it printed.
  return { ok: result.status === 0, output };
}

function listFiles(folder: string, prefix = ""): string[] {
  return readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(folder, relative) : [relative];
  });
}

function indent(lines: string[]): string {
  return lines.map((line) => `    ${line}`).join("\n");
}
