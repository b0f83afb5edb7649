import "server-only";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { motions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { loadReadableConsultation } from "@/lib/consultations/queries";
import { AppError } from "@/lib/errors";
import { MAX_TOPICS_PER_CONNECTION, parseTopic, topicKey } from "./topics";

/**
 * The topics a reader may follow, as channel keys, checked as the pages check them: a motion's
 * updates need `motion.readInternal` (its tally is internal while it is open: a representative is
 * refused), a consultation's the reader's right to read it (representatives: invited pillars only),
 * and an inbox is its owner's alone. Any refusal refuses the whole request.
 */
export async function authorizeTopics(db: DB, actor: Actor | null, values: string[]): Promise<string[]> {
  if (values.length === 0 || values.length > MAX_TOPICS_PER_CONNECTION) {
    throw new AppError("invalid", `Name between 1 and ${MAX_TOPICS_PER_CONNECTION} topics.`);
  }
  const topics = values.map(parseTopic);
  if (topics.some((t) => t === null)) throw new AppError("invalid", "Name a motion, a consultation or your inbox.");
  const keys: string[] = [];
  for (const topic of topics) {
    if (!topic) continue;
    if (topic.kind === "inbox") {
      const reader = authorize(actor, "workspace.view");
      if (topic.userId !== null && topic.userId !== reader.id) throw new AppError("forbidden", "You may follow only your own inbox.");
    } else if (topic.kind === "motion") {
      authorize(actor, "motion.readInternal");
      const [motion] = await db.select({ id: motions.id }).from(motions).where(eq(motions.id, topic.id));
      if (!motion) throw new AppError("not_found", "That motion does not exist.");
    } else {
      await loadReadableConsultation(db, actor, topic.id);
    }
    keys.push(topicKey(topic, actor!.id));
  }
  return [...new Set(keys)];
}
