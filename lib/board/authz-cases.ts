import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { boardSeats, organizations, seatTerms, users } from "@/db/schema";
import { authzCase, defineAuthzCases } from "@/lib/testing/authz";
import { assignSeat } from "./commands";

let sequence = 0;

/**
 * A vacant extra industry seat and a fresh person of that pillar, so that assigning them touches none
 * of the demo directors the other cases act as.
 */
async function prepareVacantSeat(db: DB) {
  let [seat] = await db
    .select({ id: boardSeats.id })
    .from(boardSeats)
    .where(and(eq(boardSeats.pillarId, "industry"), eq(boardSeats.number, 99)));
  if (!seat) [seat] = await db.insert(boardSeats).values({ pillarId: "industry", number: 99 }).returning({ id: boardSeats.id });
  await db
    .update(seatTerms)
    .set({ endedAt: new Date(), endReason: "Reset for the authorization walk." })
    .where(and(eq(seatTerms.seatId, seat!.id), isNull(seatTerms.endedAt)));
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "kestrel-secure-logistics"));
  const [holder] = await db
    .insert(users)
    .values({ email: `seat.candidate.${++sequence}.${Date.now()}@example.org`, name: "Seat Candidate", passwordHash: "x", organizationId: org!.id })
    .returning({ id: users.id });
  return { seatId: seat!.id, holderId: holder!.id };
}

export const cases = defineAuthzCases({
  "seat.manage": authzCase({ prepare: prepareVacantSeat, run: (db, actor, p) => assignSeat(db, actor, p) }),
});
