import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { auditLog, ballots, notifications, sessions, users } from "@/db/schema";
import { loadActorAndTimezone } from "@/lib/auth/actor";
import { checkCredentials, DEACTIVATED_MESSAGE } from "@/lib/auth/credentials";
import { endSessionRow, startSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { expectRefused, refusal } from "@/lib/testing/refusal";
import {
  changePassword,
  endAllUserSessions,
  endOwnSession,
  endUserSession,
  getUserAccount,
  listOwnSessions,
  setUserActive,
  signOutEverywhere,
  updateProfile,
} from "./account";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

/** Signs a user in as a browser would: a session row, then the actor as a request with that cookie loads it. */
async function signedIn(email: string, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0") {
  const base = await t.actor(email);
  const sessionId = await startSession(t.db, { userId: base.id, userAgent, address: "198.51.100.9" });
  return { sessionId, request: () => loadActorAndTimezone(t.db, base.id, sessionId).then((loaded) => loaded?.actor ?? null) };
}

async function signIn(email: string, password: string) {
  try {
    return await checkCredentials(t.db, { email, password, ip: `203.0.113.${Math.floor(Math.random() * 200)}` });
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

async function noticesOf(userId: string) {
  return t.db
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "account_security")));
}

describe("revocable sessions", () => {
  it("a request is signed in only while its session is open: signing out ends it for every copy of the cookie", async () => {
    const browser = await signedIn("gov2@example.org");
    expect((await browser.request())?.email).toBe("gov2@example.org");
    await endSessionRow(t.db, browser.sessionId, "signed_out");
    expect(await browser.request()).toBeNull();
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, browser.sessionId));
    expect(row).toMatchObject({ endedReason: "signed_out" });
    expect(row!.endedAt).toBeInstanceOf(Date);
  });

  it("a session idle longer than the cookie's lifetime, or an unknown one, signs nobody in", async () => {
    const browser = await signedIn("gov2@example.org");
    const actor = await t.actor("gov2@example.org");
    expect(await loadActorAndTimezone(t.db, actor.id, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadActorAndTimezone(t.db, actor.id, "not-a-uuid")).toBeNull();
    // Another person's session id with this user's id: refused.
    const other = await signedIn("gov3@example.org");
    expect(await loadActorAndTimezone(t.db, actor.id, other.sessionId)).toBeNull();
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '9 hours' where id = ${browser.sessionId}::uuid`);
    expect(await browser.request()).toBeNull();
  });

  it("last seen is written at most once a minute, by the same statement that loads the user", async () => {
    const browser = await signedIn("gov3@example.org");
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '30 seconds' where id = ${browser.sessionId}::uuid`);
    const seen = async () =>
      rowsOf<{ at: string }>(await t.db.execute(sql`select last_seen_at::text as at from sessions where id = ${browser.sessionId}::uuid`))[0]!.at;
    const before = await seen();
    await browser.request();
    expect(await seen()).toBe(before);
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '2 minutes' where id = ${browser.sessionId}::uuid`);
    const stale = await seen();
    await browser.request();
    expect(new Date(await seen()).getTime()).toBeGreaterThan(new Date(stale).getTime() + 60_000);
  });

  it("sign out everywhere ends every session of the person at once, with an audit row", async () => {
    const laptop = await signedIn("psc1@example.org");
    const phone = await signedIn("psc1@example.org", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1");
    const bystander = await signedIn("psc2@example.org");
    const me = (await laptop.request())!;
    expect((await listOwnSessions(t.db, me)).filter((s) => s.open)).toHaveLength(2);
    expect(await signOutEverywhere(t.db, me)).toEqual({ endedSessions: 2 });
    expect(await laptop.request()).toBeNull();
    expect(await phone.request()).toBeNull();
    expect((await bystander.request())?.email).toBe("psc2@example.org");
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, me.id), eq(auditLog.action, "session.endAll")));
    expect(audit).toMatchObject({ actorId: me.id, after: { endedSessions: 2 } });
  });

  it("a person ends one of their own sessions, not someone else's", async () => {
    const laptop = await signedIn("psc3@example.org");
    const phone = await signedIn("psc3@example.org");
    const stranger = await signedIn("psc4@example.org");
    const me = (await laptop.request())!;
    const sessionsBefore = await listOwnSessions(t.db, me);
    expect(sessionsBefore.find((s) => s.id === laptop.sessionId)).toMatchObject({ current: true, open: true });
    await endOwnSession(t.db, me, { sessionId: phone.sessionId });
    expect(await phone.request()).toBeNull();
    expect((await laptop.request())?.email).toBe("psc3@example.org");
    expect((await expectRefused(t.db, () => endOwnSession(t.db, me, { sessionId: stranger.sessionId }))).code).toBe("not_found");
    expect((await expectRefused(t.db, () => endOwnSession(t.db, me, { sessionId: phone.sessionId }))).code).toBe("conflict");
    expect((await expectRefused(t.db, () => endOwnSession(t.db, me, { sessionId: "1; drop table sessions" }))).code).toBe("invalid");
    expect((await stranger.request())?.email).toBe("psc4@example.org");
  });

  it("an administrator sees a person's sessions and ends one or all; the person is told", async () => {
    const admin = await t.actor("admin@example.org");
    const a = await signedIn("cso2@example.org");
    const b = await signedIn("cso2@example.org", "Mozilla/5.0 (Windows NT 10.0) Chrome/140.0 Safari/537.36");
    const c = await signedIn("cso2@example.org");
    const person = (await a.request())!;
    const account = await getUserAccount(t.db, admin, person.id);
    expect(account?.sessions.filter((s) => s.open).map((s) => s.id)).toEqual(expect.arrayContaining([a.sessionId, b.sessionId, c.sessionId]));
    await endUserSession(t.db, admin, { userId: person.id, sessionId: b.sessionId });
    expect(await b.request()).toBeNull();
    expect((await a.request())?.id).toBe(person.id);
    expect(await endAllUserSessions(t.db, admin, { userId: person.id })).toEqual({ endedSessions: 2 });
    expect(await a.request()).toBeNull();
    expect(await c.request()).toBeNull();
    expect((await noticesOf(person.id)).map((n) => n.title)).toEqual([
      "An administrator signed out one of your sessions",
      "An administrator signed you out everywhere",
    ]);
    expect((await noticesOf(person.id))[0]!.body).toBe("The session from 198.51.100.9 in Chrome on Windows ended.");
    // Wrong state and bad input change nothing.
    expect((await expectRefused(t.db, () => endAllUserSessions(t.db, admin, { userId: person.id }))).code).toBe("conflict");
    expect((await expectRefused(t.db, () => endUserSession(t.db, admin, { userId: person.id, sessionId: a.sessionId }))).code).toBe("conflict");
    expect((await expectRefused(t.db, () => endAllUserSessions(t.db, admin, { userId: "00000000-0000-4000-8000-000000000000" }))).code).toBe(
      "not_found",
    );
    // Only an administrator.
    expect((await expectRefused(t.db, () => getUserAccount(t.db, person, person.id))).code).toBe("forbidden");
  });
});

describe("changing one's password", () => {
  it("asks the current password, applies the quality rule, and ends the person's other sessions", async () => {
    const here = await signedIn("rep.cso@example.org");
    const elsewhere = await signedIn("rep.cso@example.org");
    const me = (await here.request())!;
    const weak = await expectRefused(t.db, () =>
      changePassword(t.db, me, { currentPassword: "pillars-demo", newPassword: "aaaaaaaaaaaa", confirmPassword: "aaaaaaaaaaaa" }),
    );
    expect(weak.fieldErrors.newPassword?.[0]).toMatch(/^This password is too easy to guess/);
    const hashBefore = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, me.id));
    // A wrong current password changes nothing but the throttle's count.
    const wrong = await refusal(
      changePassword(t.db, me, { currentPassword: "not-it", newPassword: "lantern orchard mosaic", confirmPassword: "lantern orchard mosaic" }),
    );
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["That is not your current password."] });
    expect(await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, me.id))).toEqual(hashBefore);
    expect((await elsewhere.request())?.id).toBe(me.id);
    const mismatch = await expectRefused(t.db, () =>
      changePassword(t.db, me, { currentPassword: "pillars-demo", newPassword: "lantern orchard mosaic", confirmPassword: "lantern orchard" }),
    );
    expect(mismatch.fieldErrors.confirmPassword).toEqual(["The two new passwords differ."]);
    const own = await expectRefused(t.db, () =>
      changePassword(t.db, me, { currentPassword: "pillars-demo", newPassword: me.email, confirmPassword: me.email }),
    );
    expect(own.fieldErrors.newPassword).toEqual(["Do not use your own name or email address in your password."]);

    expect(
      await changePassword(t.db, me, {
        currentPassword: "pillars-demo",
        newPassword: "lantern orchard mosaic",
        confirmPassword: "lantern orchard mosaic",
      }),
    ).toEqual({ endedSessions: 1 });
    expect((await here.request())?.id).toBe(me.id);
    expect(await elsewhere.request()).toBeNull();
    expect(await signIn("rep.cso@example.org", "pillars-demo")).toBeNull();
    expect(await signIn("rep.cso@example.org", "lantern orchard mosaic")).toBe(me.id);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, me.id), eq(auditLog.action, "user.changePassword")));
    expect(audit).toMatchObject({ actorId: me.id, after: { endedSessions: 1 } });
    expect(JSON.stringify(audit)).not.toContain("scrypt");
    expect(await noticesOf(me.id)).toEqual([
      { title: "Your password was changed", body: "1 other session was signed out. If you did not change it, tell an administrator at once." },
    ]);
  });

  it("wrong current passwords are throttled", async () => {
    const me = (await (await signedIn("rep.gov@example.org")).request())!;
    const attempt = () =>
      changePassword(t.db, me, { currentPassword: "guess", newPassword: "lantern orchard mosaic", confirmPassword: "lantern orchard mosaic" });
    for (let i = 0; i < 5; i++) expect((await refusal(attempt())).code).toBe("invalid");
    expect((await refusal(attempt())).message).toMatch(/^Too many wrong current passwords\. Try again in 1[45] minutes\.$/);
  });
});

describe("the profile", () => {
  it("saves the name and a known timezone, with an audit row, and refuses an unknown zone", async () => {
    const me = (await (await signedIn("staff2@example.org")).request())!;
    await updateProfile(t.db, me, { name: "Noor Haddad", timezone: "America/New_York" });
    const [row] = await t.db.select({ name: users.name, timezone: users.timezone }).from(users).where(eq(users.id, me.id));
    expect(row).toEqual({ name: "Noor Haddad", timezone: "America/New_York" });
    const bad = await expectRefused(t.db, () => updateProfile(t.db, me, { name: "N", timezone: "Mars/Olympus" }));
    expect(bad.fieldErrors).toEqual({ name: ["Enter your name."], timezone: ["Choose a timezone from the list."] });
    await updateProfile(t.db, me, { name: "Noor Haddad", timezone: "" });
    const [cleared] = await t.db.select({ timezone: users.timezone }).from(users).where(eq(users.id, me.id));
    expect(cleared!.timezone).toBeNull();
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, me.id), eq(auditLog.action, "user.updateProfile")));
    expect(audits).toHaveLength(2);
  });
});

describe("deactivation", () => {
  it("keeps the person's history, ends their sessions and refuses sign-in until reactivated", async () => {
    const admin = await t.actor("admin@example.org");
    const browser = await signedIn("gov4@example.org");
    const person = (await browser.request())!;
    const ballotsBefore = await t.db
      .select({ motionId: ballots.motionId, choice: ballots.choice })
      .from(ballots)
      .where(eq(ballots.directorId, person.id));
    const confirmMissing = await expectRefused(t.db, () => setUserActive(t.db, admin, { userId: person.id, active: "false" }));
    expect(confirmMissing.fieldErrors.confirm).toEqual(["Tick the box to confirm."]);

    await setUserActive(t.db, admin, { userId: person.id, active: "false", confirm: "yes" });
    expect(await browser.request()).toBeNull();
    expect(await signIn("gov4@example.org", "pillars-demo")).toBe(DEACTIVATED_MESSAGE);
    expect(await t.db.select({ motionId: ballots.motionId, choice: ballots.choice }).from(ballots).where(eq(ballots.directorId, person.id))).toEqual(
      ballotsBefore,
    );
    const [ended] = await t.db.select().from(sessions).where(eq(sessions.id, browser.sessionId));
    expect(ended!.endedReason).toBe("deactivated");
    expect((await expectRefused(t.db, () => setUserActive(t.db, admin, { userId: person.id, active: "false", confirm: "yes" }))).message).toBe(
      "This account is already deactivated.",
    );

    await setUserActive(t.db, admin, { userId: person.id, active: "true", confirm: "yes" });
    expect(await signIn("gov4@example.org", "pillars-demo")).toBe(person.id);
    const actions = await t.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), sql`${auditLog.action} like 'user.%activate'`))
      .orderBy(auditLog.at);
    expect(actions).toEqual([
      { action: "user.deactivate", after: { active: false, endedSessions: 1 } },
      { action: "user.reactivate", after: { active: true } },
    ]);
    expect((await noticesOf(person.id)).map((n) => n.title)).toEqual(["Your account was deactivated", "Your account was reactivated"]);
  });

  it("an administrator cannot deactivate themselves, and others may not deactivate anyone", async () => {
    const admin = await t.actor("admin@example.org");
    const chair = await t.actor("gov1@example.org");
    expect((await expectRefused(t.db, () => setUserActive(t.db, admin, { userId: admin.id, active: "false", confirm: "yes" }))).code).toBe(
      "conflict",
    );
    expect((await expectRefused(t.db, () => setUserActive(t.db, chair, { userId: admin.id, active: "false", confirm: "yes" }))).code).toBe(
      "forbidden",
    );
    expect((await expectRefused(t.db, () => setUserActive(t.db, admin, { userId: chair.id, active: "maybe", confirm: "yes" }))).code).toBe("invalid");
  });
});
