import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { decisionRules, motions, users } from "@/db/schema";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { openMotion } from "./commands";

/** A demo user as an actor, for tests and authorization cases. */
export async function actorByEmail(db: DB, email: string): Promise<Actor> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = row ? await loadActor(db, row.id) : null;
  if (!actor) throw new Error(`No demo user ${email}`);
  return actor;
}

let sequence = 0;

/** A fresh draft resolution under the default rule, closing in a week. */
export async function insertDraftResolution(db: DB, options: { closesAt?: Date } = {}): Promise<string> {
  const [rule] = await db.select({ id: decisionRules.id }).from(decisionRules).where(eq(decisionRules.isDefault, true));
  const secretariat = await actorByEmail(db, "secretariat@example.org");
  const [draft] = await db
    .insert(motions)
    .values({
      kind: "resolution",
      title: `Test resolution ${++sequence}`,
      resolutionText: "The Board resolves to hold its next ordinary meeting in Geneva.",
      ruleId: rule!.id,
      closesAt: options.closesAt ?? new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      createdById: secretariat.id,
    })
    .returning({ id: motions.id });
  return draft!.id;
}

/** A fresh resolution, drafted and opened by the Chair through the real command. */
export async function openFreshResolution(db: DB, options: { closesAt?: Date } = {}): Promise<string> {
  const id = await insertDraftResolution(db, options);
  await openMotion(db, await actorByEmail(db, "gov1@example.org"), { motionId: id });
  return id;
}
