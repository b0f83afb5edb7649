import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type DB, rowsOf, type Tx } from "@/db/client";
import { comments, consultations, policyVersions } from "@/db/schema";
import type { PolicyStatus } from "@/lib/policies/vocabulary";
import type { PolicyState } from "./rules";

/** The last consultation round of a policy (the latest opened), if any. */
export async function lastRound(tx: Tx | DB, policyId: string) {
  const [round] = await tx
    .select()
    .from(consultations)
    .where(eq(consultations.policyId, policyId))
    .orderBy(desc(consultations.opensAt), desc(consultations.createdAt))
    .limit(1);
  return round;
}

/** Everything `policyMoveRefusal` needs to judge a move on this policy now. */
export async function policyStateOf(tx: Tx | DB, policy: { id: string; status: PolicyStatus }, now = new Date()): Promise<PolicyState> {
  const [open] = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.policyId, policy.id), isNull(consultations.closedEarlyAt), gt(consultations.closesAt, now)))
    .limit(1);
  const [latest] = await tx
    .select({ state: policyVersions.state })
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policy.id))
    .orderBy(desc(policyVersions.number))
    .limit(1);
  const round = await lastRound(tx, policy.id);
  const [unanswered] = round
    ? await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(comments)
        .where(and(eq(comments.consultationId, round.id), isNull(comments.parentId), eq(comments.status, "open")))
    : [{ n: 0 }];
  return {
    status: policy.status,
    roundOpen: Boolean(open),
    draftVersion: latest?.state === "draft",
    unanswered: unanswered?.n ?? 0,
    unansweredReason: Boolean(round?.unansweredReason),
  };
}

/** The register's summary for the board: each pillar's top-level comments of a round, by answer. */
export async function registerSummary(db: DB, consultationId: string) {
  const result = await db.execute(sql`
    select p.id as pillar_id, p.name as pillar_name, c.status, count(*)::int as n
    from comments c
    join users u on u.id = c.author_id
    join organizations o on o.id = u.organization_id
    join pillars p on p.id = o.pillar_id
    where c.consultation_id = ${consultationId} and c.parent_id is null
    group by p.id, p.name, p.sort_order, c.status
    order by p.sort_order, c.status`);
  const byPillar = new Map<string, { pillarId: string; pillarName: string; total: number; counts: Record<string, number> }>();
  for (const row of rowsOf<{ pillar_id: string; pillar_name: string; status: string; n: number }>(result)) {
    const entry = byPillar.get(row.pillar_id) ?? { pillarId: row.pillar_id, pillarName: row.pillar_name, total: 0, counts: {} };
    entry.counts[row.status] = row.n;
    entry.total += row.n;
    byPillar.set(row.pillar_id, entry);
  }
  return [...byPillar.values()];
}
