import { asc, eq, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { organizations, pillars, userRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { setUserRolesSchema } from "./schemas";

/** Replaces a user's directly granted roles. An administrator cannot remove their own admin role. */
export async function setUserRoles(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "user.setRoles");
  const { userId, ...granted } = parseInput(setUserRolesSchema, input);
  const roles = [...new Set(granted.roles)].sort();
  if (userId === admin.id && !roles.includes("admin")) {
    throw new AppError("conflict", "You cannot remove your own administrator role; ask another administrator.");
  }
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new AppError("not_found", "That user does not exist.");
    const before = (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
    if (before.join() === roles.join()) return;
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    if (roles.length) await tx.insert(userRoles).values(roles.map((role) => ({ userId, role })));
    await recordAudit(tx, {
      actorId: admin.id,
      action: "user.setRoles",
      entityType: "user",
      entityId: userId,
      before: { roles: before },
      after: { roles },
    });
  });
}

/** Every account with its organisation, pillar and stored roles. */
export async function listUsers(db: DB, actor: Actor | null) {
  authorize(actor, "user.list");
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      organizationName: organizations.name,
      pillarName: pillars.name,
      deactivatedAt: users.deactivatedAt,
      roles: sql<string[]>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = ${users.id}), '{}')`,
      seat: sql<string | null>`(select coalesce(t.office, 'director') from seat_terms t where t.holder_id = ${users.id} and t.ended_at is null)`,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(pillars, eq(pillars.id, organizations.pillarId))
    .orderBy(asc(users.email));
}
