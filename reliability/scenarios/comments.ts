import { and, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { auditLog, comments, users } from "@/db/schema";
import { insertConsultation } from "@/lib/policies/test-fixtures";
import { catalogCase, type ConcurrentCall, defineScenario } from "../concurrency";

/**
 * 500 comments sent at once on one open consultation, by representatives of the invited pillars,
 * directors (of invited and uninvited pillars) and Secretariat staff: each accepted, stored once with
 * its author and paragraph, and audited once.
 */
const COMMENTS = 500;
const AUTHORS = [
  "rep.gov@example.org",
  "rep.cso@example.org",
  "gov2@example.org",
  "cso3@example.org",
  "psc1@example.org",
  "secretariat@example.org",
  "staff2@example.org",
];

type Expected = { author: string; paragraphKey: string };

export const concurrentComments = defineScenario({
  name: "500 concurrent comments",
  perProcess: 10,
  build: async (db) => {
    const comment = catalogCase("create comment");
    const c = await insertConsultation(db, { pillarIds: ["government", "civil_society"] });
    const calls: ConcurrentCall[] = [];
    const expected = new Map<string, Expected>();
    for (let i = 0; i < COMMENTS; i++) {
      const author = AUTHORS[i % AUTHORS.length]!;
      const paragraphKey = c.keys[i % c.keys.length]!;
      const body = `Concurrent comment ${i} on this paragraph.`;
      expected.set(body, { author, paragraphKey });
      const fields = { consultationId: c.consultationId, slug: c.slug, paragraphKey, quote: "", body, parentId: "" };
      calls.push({ case: comment, request: { fields }, as: author });
    }
    return { calls, state: { consultationId: c.consultationId, expected: [...expected] } };
  },
  check: async (db, calls, results, { consultationId, expected }) => {
    const refused = results.filter((r) => r.outcome !== "allowed");
    expect(
      refused.map((r) => `${r.status} ${r.outcome} ${r.message ?? ""}`),
      "calls not accepted",
    ).toEqual([]);

    const stored = await db
      .select({ id: comments.id, body: comments.body, paragraphKey: comments.paragraphKey, authorId: comments.authorId, author: users.email })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.consultationId, consultationId));
    expect(stored.length, "one row per comment").toBe(COMMENTS);
    const wanted = new Map(expected);
    const wrong = stored.filter((s) => {
      const w = wanted.get(s.body);
      return !w || w.author !== s.author || w.paragraphKey !== s.paragraphKey;
    });
    expect(
      wrong.map((s) => `${s.author} ${s.paragraphKey} ${s.body}`),
      "comments with the wrong author or paragraph",
    ).toEqual([]);
    expect(new Set(stored.map((s) => s.body)).size, "each comment stored once").toBe(COMMENTS);

    const audits = await db
      .select({ entityId: auditLog.entityId, actorId: auditLog.actorId, after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "comment.create"),
          inArray(
            auditLog.entityId,
            stored.map((s) => s.id),
          ),
        ),
      );
    const byComment = new Map(stored.map((s) => [s.id, s]));
    const matching = audits.filter((a) => {
      const s = byComment.get(a.entityId);
      return s && a.actorId === s.authorId && (a.after as { paragraphKey?: string } | null)?.paragraphKey === s.paragraphKey;
    });
    expect(audits.length, "one audit row per comment").toBe(COMMENTS);
    expect(matching.length, "audit rows naming the comment's author and paragraph").toBe(COMMENTS);

    const authors = new Set(stored.map((s) => s.author)).size;
    return `${calls.length} concurrent comments by ${authors} users (representatives, directors, Secretariat), ${COMMENTS - refused.length} accepted, ${stored.length} rows, ${matching.length} matching audit rows`;
  },
});
