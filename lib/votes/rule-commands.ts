import { asc, eq, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { boardSeats, decisionRules, pillars } from "@/db/schema";
import type { DecisionRuleConfig } from "@/lib/votes/vocabulary";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { validateRuleFit } from "./rules";
import { ruleIdSchema, ruleSchema } from "./schemas";
import { pgErrorCode } from "./tally-input";

/** Every decision rule, the default first. Open motions keep the snapshot taken when they opened. */
export async function listRules(db: DB, actor: Actor | null) {
  authorize(actor, "rule.manage");
  return db
    .select()
    .from(decisionRules)
    .orderBy(sql`${decisionRules.isDefault} desc`, asc(decisionRules.name));
}

/** Seats per pillar, which every rule's minimums must fit. */
async function seatsPerPillar(db: DB): Promise<number[]> {
  const rows = await db
    .select({ seats: sql<number>`count(${boardSeats.id})::int` })
    .from(pillars)
    .leftJoin(boardSeats, eq(boardSeats.pillarId, pillars.id))
    .groupBy(pillars.id);
  return rows.map((r) => Number(r.seats));
}

/** Creates a rule, or edits one when `ruleId` is given. */
export async function saveRule(db: DB, actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const admin = authorize(actor, "rule.manage");
  const d = parseInput(ruleSchema, input);
  const config: DecisionRuleConfig = {
    quorum: { minTotal: d.quorumMinTotal, minPerPillar: d.quorumMinPerPillar },
    pass: { minYesTotal: d.passMinYesTotal, minYesPerPillar: d.passMinYesPerPillar, minYesShare: d.passMinYesShare },
  };
  const misfit = validateRuleFit(config, await seatsPerPillar(db));
  if (Object.keys(misfit).length) throw new AppError("invalid", "The rule does not fit the board's seats.", misfit);
  try {
    return await db.transaction(async (tx) => {
      if (d.ruleId) {
        const [before] = await tx.select().from(decisionRules).where(eq(decisionRules.id, d.ruleId)).for("update");
        if (!before) throw new AppError("not_found", "That rule does not exist.");
        await tx.update(decisionRules).set({ name: d.name, description: d.description, config }).where(eq(decisionRules.id, d.ruleId));
        await recordAudit(tx, {
          actorId: admin.id,
          action: "rule.update",
          entityType: "decision_rule",
          entityId: d.ruleId,
          before,
          after: { name: d.name, description: d.description, config },
        });
        return { id: d.ruleId };
      }
      const [created] = await tx.insert(decisionRules).values({ name: d.name, description: d.description, config }).returning();
      await recordAudit(tx, { actorId: admin.id, action: "rule.create", entityType: "decision_rule", entityId: created!.id, after: created });
      return { id: created!.id };
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw new AppError("conflict", "A rule with this name already exists.", { name: ["Choose another name."] });
    throw error;
  }
}

/** Makes a rule the default for new motions. */
export async function setDefaultRule(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "rule.manage");
  const { ruleId } = parseInput(ruleIdSchema, input, "Unknown rule.");
  await db.transaction(async (tx) => {
    const [rule] = await tx.select().from(decisionRules).where(eq(decisionRules.id, ruleId)).for("update");
    if (!rule) throw new AppError("not_found", "That rule does not exist.");
    if (rule.isDefault) return;
    const [previous] = await tx
      .update(decisionRules)
      .set({ isDefault: false })
      .where(eq(decisionRules.isDefault, true))
      .returning({ id: decisionRules.id });
    await tx.update(decisionRules).set({ isDefault: true }).where(eq(decisionRules.id, ruleId));
    await recordAudit(tx, {
      actorId: admin.id,
      action: "rule.setDefault",
      entityType: "decision_rule",
      entityId: ruleId,
      before: { defaultRuleId: previous?.id ?? null },
      after: { defaultRuleId: ruleId },
    });
  });
}
