import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// connection string")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  AUTH_SECRET: z
    .string()
    .min(32, "AUTH_SECRET must be at least 32 characters; generate one with: openssl rand -base64 33")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:pass@host:587")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url({ protocol: /^https?$/, error: "APP_URL must be the public address people use, such as https://pillars.example.org" })
      .transform((value) => new URL(value).origin)
      .optional(),
  ),
  SERVER_HEAP_MB: z.coerce.number().int().min(128, "SERVER_HEAP_MB must be at least 128").max(65536).default(256),
  TRUSTED_PROXY_HOPS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number("TRUSTED_PROXY_HOPS must be a whole number from 0 to 10")
      .int("TRUSTED_PROXY_HOPS must be a whole number from 0 to 10")
      .min(0, "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10")
      .max(10, "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10")
      .default(0),
  ),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

/**
 * The public origin of the app (APP_URL), for every absolute link it hands out: the registry API's
 * `url` fields and the links in emails. Never taken from a request's headers, which a client writes.
 * Unset, it is the local address `npm start` serves on.
 */
export function appOrigin(env: Env = readEnv()): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** Reads and validates the environment; a bad value stops the process with a message saying what to set. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
