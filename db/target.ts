import { readEnv } from "@/lib/env";
import type { DatabaseTarget } from "./client";

/** The database this process uses: PostgreSQL when DATABASE_URL is set, otherwise PGlite in PGLITE_DIR. */
export function targetFromEnv(env = readEnv()): DatabaseTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dir: env.PGLITE_DIR };
}
