import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ballots, motionRoll, notifications, users } from "@/db/schema";
import { answerComment, createComment } from "@/lib/consultations/commands";
import { markNotificationsRead } from "@/lib/notifications/commands";
import { insertComment, insertConsultation } from "@/lib/policies/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { expectRefused } from "@/lib/testing/refusal";
import { castBallot, declareRecusal } from "@/lib/votes/commands";
import { openFreshResolution } from "@/lib/votes/fixtures";
import { authorizeTopics } from "./access";
import { liveSubscriberCount, subscribe } from "./bus";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await t?.close();
});

/** Everything the bus delivered for `topics` while `write` ran (and a moment after, for delivery). */
async function heard(topics: string[], write: () => Promise<unknown>): Promise<string[]> {
  const got: string[] = [];
  const stop = await subscribe(
    topics,
    (topic) => got.push(topic),
    async () => t,
  );
  try {
    await write();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    stop();
  }
  return got;
}

/** A consultation open to government and civil society (not industry), with one comment by rep.cso. */
async function createConsultationWithComment(db: TestDatabase) {
  const fixture = await insertConsultation(db.db, { pillarIds: ["government", "civil_society"] });
  const commentId = await insertComment(db.db, { consultationId: fixture.consultationId, versionId: fixture.versionId, key: fixture.keys[0]! });
  const [author] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, "rep.cso@example.org"));
  return { consultationId: fixture.consultationId, commentId, authorId: author!.id };
}

afterEach(() => {
  expect(liveSubscriberCount()).toBe(0);
});

describe("live updates: what a committed change announces", () => {
  it("a ballot cast, changed and a recusal each announce the motion once, on commit", async () => {
    const motionId = await openFreshResolution(t.db);
    const cso2 = await t.actor("cso2@example.org");
    expect(await heard([`motion:${motionId}`], () => castBallot(t.db, cso2, { motionId, choice: "yes" }))).toEqual([`motion:${motionId}`]);
    expect(await heard([`motion:${motionId}`], () => castBallot(t.db, cso2, { motionId, choice: "no" }))).toEqual([`motion:${motionId}`]);
    const gov2 = await t.actor("gov2@example.org");
    expect(await heard([`motion:${motionId}`], () => declareRecusal(t.db, gov2, { motionId, reason: "My employer is named in the text." }))).toEqual([
      `motion:${motionId}`,
    ]);
  });

  it("a rolled back write announces nothing, and another motion's topic hears nothing", async () => {
    const motionId = await openFreshResolution(t.db);
    const other = await openFreshResolution(t.db);
    const [director] = await t.db.select({ id: motionRoll.directorId }).from(motionRoll).where(eq(motionRoll.motionId, motionId)).limit(1);
    const rolledBack = await heard([`motion:${motionId}`], () =>
      t.db
        .transaction(async (tx) => {
          await tx.insert(ballots).values({ motionId, directorId: director!.id, choice: "yes" });
          throw new Error("rolled back on purpose");
        })
        .catch(() => {}),
    );
    expect(rolledBack).toEqual([]);
    expect(await t.db.select().from(ballots).where(eq(ballots.motionId, motionId))).toEqual([]);
    // A refused ballot (a representative) writes nothing and so announces nothing.
    const rep = await t.actor("rep.psc@example.org");
    expect(await heard([`motion:${motionId}`], () => castBallot(t.db, rep, { motionId, choice: "yes" }).catch(() => {}))).toEqual([]);
    const cso2 = await t.actor("cso2@example.org");
    expect(await heard([`motion:${other}`], () => castBallot(t.db, cso2, { motionId, choice: "yes" }))).toEqual([]);
  });

  it("a comment and its answer announce the consultation; the answer's notice announces its author's inbox", async () => {
    const { consultationId, commentId, authorId } = await createConsultationWithComment(t);
    const rep = await t.actor("rep.gov@example.org");
    const topics = [`consultation:${consultationId}`, `inbox:${authorId}`];
    expect(
      await heard(topics, () =>
        createComment(t.db, rep, { consultationId, parentId: commentId, paragraphKey: "ignored", body: "Agreed, with a caveat." }),
      ),
    ).toEqual([`consultation:${consultationId}`]);
    const sec = await t.actor("secretariat@example.org");
    const answered = await heard(topics, () => answerComment(t.db, sec, { commentId, status: "noted", response: "Thank you." }));
    expect(answered.sort()).toEqual(topics.sort());
  });

  it("reading one's notices announces one's own inbox only", async () => {
    const gov3 = await t.actor("gov3@example.org");
    const [someone] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "gov1@example.org"));
    const unread = await t.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, gov3.id), isNull(notifications.readAt)));
    expect(unread.length).toBeGreaterThan(0);
    const got = await heard([`inbox:${gov3.id}`, `inbox:${someone!.id}`], () => markNotificationsRead(t.db, gov3, { all: true }));
    expect(got).toEqual([`inbox:${gov3.id}`]);
  });
});

describe("live updates: who may follow what", () => {
  it("a director follows an open motion, a consultation and their own inbox", async () => {
    const motionId = await openFreshResolution(t.db);
    const cso2 = await t.actor("cso2@example.org");
    expect(await authorizeTopics(t.db, cso2, [`motion:${motionId.toUpperCase()}`, "inbox"])).toEqual([`motion:${motionId}`, `inbox:${cso2.id}`]);
    expect(await authorizeTopics(t.db, cso2, [`inbox:${cso2.id}`])).toEqual([`inbox:${cso2.id}`]);
  });

  it("refuses a visitor, a representative on a motion, someone else's inbox, an uninvited pillar and malformed topics, writing nothing", async () => {
    const motionId = await openFreshResolution(t.db);
    const { consultationId } = await createConsultationWithComment(t);
    const rep = await t.actor("rep.psc@example.org");
    const cso2 = await t.actor("cso2@example.org");
    const gov1 = await t.actor("gov1@example.org");
    await expectRefused(t.db, () => authorizeTopics(t.db, null, [`motion:${motionId}`]), "unauthenticated");
    await expectRefused(t.db, () => authorizeTopics(t.db, null, ["inbox"]), "unauthenticated");
    await expectRefused(t.db, () => authorizeTopics(t.db, rep, [`motion:${motionId}`]), "forbidden");
    // Refused as a whole: an allowed topic beside a refused one opens nothing.
    await expectRefused(t.db, () => authorizeTopics(t.db, rep, ["inbox", `motion:${motionId}`]), "forbidden");
    await expectRefused(t.db, () => authorizeTopics(t.db, cso2, [`inbox:${gov1.id}`]), "forbidden");
    await expectRefused(t.db, () => authorizeTopics(t.db, rep, [`consultation:${consultationId}`]), "forbidden");
    await expectRefused(t.db, () => authorizeTopics(t.db, cso2, [`motion:00000000-0000-4000-8000-000000000000`]), "not_found");
    for (const bad of [[], ["motion"], ["motion:1"], ["ballots:" + motionId], [`motion:${motionId}:x`], ["inbox", "inbox", "inbox", "inbox"]]) {
      await expectRefused(t.db, () => authorizeTopics(t.db, cso2, bad), "invalid");
    }
  });
});
