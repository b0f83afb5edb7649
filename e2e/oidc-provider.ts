import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider for the end-to-end run (the `oidc-provider` package on a loopback
 * port), with three people: one whose verified address has a Pillars account, one whose address the
 * provider has not verified, and one whose verified address Pillars does not know.
 */
const port = Number(process.env.OIDC_PROVIDER_PORT);
const { OIDC_APP_URL: appUrl, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = process.env;
if (!port || !appUrl || !clientId || !clientSecret) throw new Error("Set OIDC_PROVIDER_PORT, OIDC_APP_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET");

const PEOPLE: Record<string, { email: string; email_verified: boolean; name: string }> = {
  jonas: { email: "gov2@example.org", email_verified: true, name: "Jonas Keller" },
  unverified: { email: "gov3@example.org", email_verified: false, name: "Priya Natarajan" },
  stranger: { email: "stranger@example.org", email_verified: true, name: "A Stranger" },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      // Next names a loopback address "localhost" in the callback request, so the flow runs at localhost.
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`, `${appUrl.replace("//127.0.0.1", "//localhost")}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // The claims go in the ID token, which is what the app reads.
  conformIdTokenClaims: false,
  cookies: { keys: ["oidc-e2e-cookie-key-0123456789abcdef"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const person = PEOPLE[id];
    if (!person) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...person }) };
  },
  // The organisation's own provider: its people are not asked to consent to Pillars.
  async loadExistingGrant(ctx) {
    const session = ctx.oidc.session;
    const client = ctx.oidc.client;
    if (!session?.accountId || !client) return undefined;
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

// What went wrong at the token endpoint, in the run's log (the answer itself only says "invalid_grant").
provider.on("grant.error", (ctx, error: Error & { error_detail?: string }) =>
  console.error(`oidc-provider: ${error.message}: ${error.error_detail ?? ""} (redirect_uri ${String(ctx.oidc.params?.redirect_uri)})`),
);

const server = provider.listen(port, "127.0.0.1");
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.close(() => process.exit(0)));
