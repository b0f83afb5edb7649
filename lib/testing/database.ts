import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import type postgres from "postgres";
import { inject } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { seedDemoData } from "@/lib/demo";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { adminClient, seedingIsCurrent, serverDatabaseName, serverDatabaseUrl, type TemplateKind, type TestTemplates } from "./templates";

export type TestDatabase = Database & { label: string; actor: (email: string) => Promise<Actor> };

/**
 * A freshly migrated database for one test file (with the demo data when `seed`): in-memory PGlite,
 * or, when TEST_DATABASE_URL is set, a new database on that PostgreSQL server that is dropped again
 * by `close`. Copied from the run's templates (lib/testing/global-setup.ts) when there are any;
 * migrated and seeded here otherwise.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const templates = inject("testTemplates");
  const usable = templates?.kind === (serverUrl ? "postgres" : "pglite") ? templates : undefined;
  const template = usable && chooseTemplate(usable, options.seed ?? false);

  let database: Database;
  let label: string;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = serverDatabaseName(serverUrl, randomBytes(5).toString("hex"));
    const admin = adminClient(serverUrl);
    const source = usable?.kind === "postgres" && template ? usable.databases[template] : undefined;
    await createServerDatabase(admin, name, source);
    database = await openDatabase({ kind: "postgres", url: serverDatabaseUrl(serverUrl, name) });
    label = `PostgreSQL ${name}`;
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const file = usable?.kind === "pglite" && template ? usable.files[template] : undefined;
    const loadDataDir = file ? new Blob([await readFile(file)]) : undefined;
    database = await openDatabase({ kind: "pglite", dir: "memory://", loadDataDir });
    label = "PGlite in memory";
  }
  // A no-op on a copied template (a few milliseconds), unless a migration was written since it was built (watch mode).
  await migrateDatabase(database);
  if (options.seed && template !== "seeded") await seedDemoData(database.db);
  const close = async () => {
    await database.close();
    await dropDatabase();
  };
  const actor = async (email: string) => {
    const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const found = row ? await loadActor(database.db, row.id) : null;
    if (!found) throw new Error(`No demo user ${email}`);
    return found;
  };
  return { ...database, close, label, actor };
}

function chooseTemplate(templates: TestTemplates, seed: boolean): TemplateKind {
  if (!seed) return "migrated";
  // Seeded before midnight, the demo data's due dates and expiries would be a day off: seed afresh.
  return seedingIsCurrent(new Date(templates.seededAt)) ? "seeded" : "migrated";
}

/**
 * PostgreSQL refuses to copy a template while another session is connected to it (SQLSTATE 55006).
 * Nobody connects to the run's templates, and copies made at the same time by two workers do not
 * conflict; the retry only covers a backend that is still on its way out.
 */
async function createServerDatabase(admin: postgres.Sql, name: string, template: string | undefined): Promise<void> {
  if (!template) {
    await admin.unsafe(`create database ${name}`);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
