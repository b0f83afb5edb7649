import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "./actor";
import { checkCredentials } from "./credentials";
import { checkSecondFactor } from "@/lib/accounts/two-factor";
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
          const actor = await loadActor(db, userId);
          return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
        } catch (error) {
          if (error instanceof AppError && error.code === "throttled") throw new ThrottledSignIn(error.message);
          throw error;
        }
      },
    }),
  ],
  // The token names the user and nothing they may do: roles are read from the database on every
  // request (lib/auth/session.ts), so neither the cookie nor /api/auth/session can show a role the
  // server no longer grants.
  callbacks: {
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
