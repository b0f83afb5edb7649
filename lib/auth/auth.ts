import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { readEnv } from "@/lib/env";
import { headers } from "next/headers";
import { isUuid } from "@/db/client";
import { loadActor } from "./actor";
import { clientAddress } from "./client-address";
import { checkCredentials } from "./credentials";
import { resolveSingleSignOn } from "@/lib/accounts/single-sign-on";
import { checkSecondFactor } from "@/lib/accounts/two-factor";
import { singleSignOn } from "@/lib/env";
import { deliverEmailsNow } from "@/lib/notifications/delivery";
import { resolveAuthSecret } from "./secret";
import { endSessionRow, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

/** A refusal whose message the sign-in form shows as it is (throttled, busy, deactivated). */
class RefusedSignIn extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

let trustedProxyHops: number | undefined;
/** Where a sign-in came from: the peer, or behind TRUSTED_PROXY_HOPS proxies what they say (client-address.ts). */
function requestAddress(request: Request): string {
  trustedProxyHops ??= readEnv().TRUSTED_PROXY_HOPS;
  return clientAddress(request.headers, trustedProxyHops);
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
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
            ip: requestAddress(request),
          });
          if (!userId) return null;
          // An account with two-factor sign-in also needs its code (lib/accounts/two-factor.ts).
          const second = await checkSecondFactor(db, userId, String(credentials?.code ?? ""), requestAddress(request));
          if (second !== "ok") throw new RefusedSignIn(second);
          // A recovery code used is told to its owner by email at once, not at the outbox's next sweep.
          if (credentials?.code) void deliverEmailsNow();
          const actor = await loadActor(db, userId);
          return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
        } catch (error) {
          if (error instanceof AppError && (error.code === "throttled" || error.code === "forbidden")) throw new RefusedSignIn(error.message);
          throw error;
        }
      },
    }),
    ...singleSignOnProviders(),
  ],
  // The token names the user and their session row, and nothing they may do: roles are read from the
  // database on every request (lib/auth/session.ts), with the session's row, so neither the cookie
  // nor /api/auth/session can show a role the server no longer grants, nor outlive signing out.
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const mapped = await resolveSingleSignOn(await getDb(), profile);
      if ("refused" in mapped) return `/login?error=${mapped.refused}`;
      // The session names the Pillars account, not the provider's subject.
      user.id = mapped.userId;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        // Every sign-in, whatever the provider, starts a session row the cookie names.
        token.sub = user.id;
        token.sid = await startSession(await getDb(), { userId: user.id, ...(await requestDetails()) });
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string" && isUuid(sid)) await endSessionRow(await getDb(), sid, "signed_out");
    },
  },
}));

/** The browser and address a sign-in came from, shown in the sessions list. */
async function requestDetails(): Promise<{ userAgent: string | null; address: string | null }> {
  try {
    const incoming = await headers();
    trustedProxyHops ??= readEnv().TRUSTED_PROXY_HOPS;
    return { userAgent: incoming.get("user-agent"), address: clientAddress(incoming, trustedProxyHops) };
  } catch {
    return { userAgent: null, address: null };
  }
}
