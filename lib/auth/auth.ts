import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "./actor";
import { checkCredentials } from "./credentials";
import { resolveSingleSignOn } from "@/lib/accounts/single-sign-on";
import { checkSecondFactor } from "@/lib/accounts/two-factor";
import { singleSignOn } from "@/lib/env";
import { deliverEmailsNow } from "@/lib/notifications/delivery";
import { resolveAuthSecret } from "./secret";

class ThrottledSignIn extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "local";
}

// Lazy: the secret is resolved when the first request needs it, never while building.
/** The optional OpenID Connect provider (OIDC_* variables); who it may sign in is decided in the signIn callback. */
function singleSignOnProviders(): Provider[] {
  const sso = singleSignOn();
  if (!sso) return [];
  return [
    {
      id: "oidc",
      name: sso.name,
      type: "oidc",
      issuer: sso.issuer,
      clientId: sso.clientId,
      clientSecret: sso.clientSecret,
      checks: ["pkce", "state", "nonce"],
    },
  ];
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  trustHost: true,
  // Credentials sign-in needs JWT sessions; no adapter, or Auth.js switches to database sessions.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" }, code: { label: "Code" } },
      async authorize(credentials, request) {
        const db = await getDb();
        try {
          const userId = await checkCredentials(db, {
            email: String(credentials?.email ?? ""),
            password: String(credentials?.password ?? ""),
            ip: clientIp(request),
          });
          if (!userId) return null;
          // An account with two-factor sign-in also needs its code (lib/accounts/two-factor.ts).
          const second = await checkSecondFactor(db, userId, String(credentials?.code ?? ""), clientIp(request));
          if (second !== "ok") throw new ThrottledSignIn(second);
          // A recovery code used is told to its owner by email at once, not at the outbox's next sweep.
          if (credentials?.code) void deliverEmailsNow();
          const actor = await loadActor(db, userId);
          return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
        } catch (error) {
          if (error instanceof AppError && error.code === "throttled") throw new ThrottledSignIn(error.message);
          throw error;
        }
      },
    }),
    ...singleSignOnProviders(),
  ],
  // The token names the user and nothing they may do: roles are read from the database on every
  // request (lib/auth/session.ts), so neither the cookie nor /api/auth/session can show a role the
  // server no longer grants.
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const mapped = await resolveSingleSignOn(await getDb(), profile);
      if ("refused" in mapped) return `/login?error=${mapped.refused}`;
      // The session names the Pillars account, not the provider's subject.
      user.id = mapped.userId;
      return true;
    },
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      return session;
    },
  },
}));
