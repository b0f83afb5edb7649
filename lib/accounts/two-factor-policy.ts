import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { settings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { requiredRolesSchema } from "./schemas";

/**
 * The setting that names the roles which must sign in with two factors, comma-separated. Read with
 * the signed-in user on every request (lib/auth/actor.ts), so a change applies at once.
 */
export const TWO_FACTOR_ROLES_KEY = "two_factor_required_roles";

export async function getTwoFactorRequiredRoles(db: DB, actor: Actor | null): Promise<Role[]> {
  authorize(actor, "mfa.configure");
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, TWO_FACTOR_ROLES_KEY));
  const stored = (row?.value ?? "").split(",");
  return ROLES.filter((role) => stored.includes(role));
}

/** Chooses the roles that must use two-factor sign-in; people of those roles without it are sent to set it up. */
export async function setTwoFactorRequiredRoles(db: DB, actor: Actor | null, input: unknown): Promise<Role[]> {
  const admin = authorize(actor, "mfa.configure");
  const chosen = parseInput(requiredRolesSchema, input).roles;
  const roles = ROLES.filter((role) => chosen.includes(role));
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, TWO_FACTOR_ROLES_KEY)).for("update");
    const before = row?.value ?? "";
    if (before === roles.join(",")) return;
    await tx
      .insert(settings)
      .values({ key: TWO_FACTOR_ROLES_KEY, value: roles.join(",") })
      .onConflictDoUpdate({ target: settings.key, set: { value: roles.join(",") } });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "setting.twoFactorRequiredRoles",
      entityType: "setting",
      entityId: TWO_FACTOR_ROLES_KEY,
      before: { roles: before ? before.split(",") : [] },
      after: { roles },
    });
  });
  return roles;
}
