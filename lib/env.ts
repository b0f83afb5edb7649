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
  OIDC_ISSUER: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url({ protocol: /^https?$/, error: "OIDC_ISSUER must be the address of your OpenID Connect provider, such as https://login.example.org" })
      .optional(),
  ),
  OIDC_CLIENT_ID: z.string().trim().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().trim().max(60, "OIDC_NAME must be a short name such as Example SSO").optional(),
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

/** Single sign-on is on when its issuer is set; its client id and secret must then be set too. */
function checkSingleSignOn(env: Env): string[] {
  if (!env.OIDC_ISSUER) return [];
  const missing = (["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).filter((name) => !env[name]);
  return missing.map((name) => `  ${name}: required with OIDC_ISSUER; copy it from the client registered at your OpenID Connect provider`);
}

/** The OpenID Connect provider to offer on the sign-in page, or null when single sign-on is off. */
export function singleSignOn(env: Env = readEnv()): { issuer: string; clientId: string; clientSecret: string; name: string } | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME || "single sign-on" };
}

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
  const problems = checkSingleSignOn(parsed.data);
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  return parsed.data;
}
