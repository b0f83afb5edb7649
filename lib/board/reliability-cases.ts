import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { boardSeats, organizations, seatTerms, users } from "@/db/schema";
import { withSettledOutbox } from "@/lib/notifications/reliability-cases";
import { defineHttpCases } from "@/lib/testing/http-cases";

/** How the reliability suite (reliability/) reaches the board-seat actions and pages over HTTP. */
let sequence = 0;

/**
 * An extra industry seat (number 98), made vacant, and a fresh person of that pillar: assigning or
 * designating them touches none of the demo directors that other entries act as.
 */
async function prepareVacantSeat(db: DB) {
  let [seat] = await db
    .select({ id: boardSeats.id })
    .from(boardSeats)
    .where(and(eq(boardSeats.pillarId, "industry"), eq(boardSeats.number, 98)));
  if (!seat) [seat] = await db.insert(boardSeats).values({ pillarId: "industry", number: 98 }).returning({ id: boardSeats.id });
  await db
    .update(seatTerms)
    .set({ endedAt: new Date(), endReason: "Reset for the reliability suite." })
    .where(and(eq(seatTerms.seatId, seat!.id), isNull(seatTerms.endedAt)));
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "kestrel-secure-logistics"));
  const [holder] = await db
    .insert(users)
    .values({ email: `http.seat.${process.pid}.${++sequence}@example.org`, name: "Seat Candidate", passwordHash: "x", organizationId: org!.id })
    .returning({ id: users.id });
  return { seatId: seat!.id, holderId: holder!.id };
}

/** The same seat, held by a fresh person since 2020, so that it has a term to end, vacate or give an office. */
async function prepareHeldSeat(db: DB) {
  const { seatId, holderId } = await prepareVacantSeat(db);
  await db.insert(seatTerms).values({ seatId, holderId, startsOn: "2020-01-01", endsOn: "2099-12-31" });
  return seatId;
}

// The roll of an open motion is by seat: a change of holder moves it (lib/votes/motion-commands.ts).
const SEAT_WRITES = ["seat_terms", "motion_roll", "audit_log"];

export const httpCases = withSettledOutbox(
  defineHttpCases([
    {
      name: "seats page",
      permission: "seat.manage",
      target: { kind: "page", path: "/admin/seats" },
      prepare: async () => ({}),
      writes: [],
    },
    {
      name: "seat page",
      permission: "seat.manage",
      target: { kind: "page", path: "/admin/seats" },
      prepare: async (db) => ({ path: `/admin/seats/${(await prepareVacantSeat(db)).seatId}` }),
      writes: [],
    },
    {
      name: "assign seat",
      permission: "seat.manage",
      target: { kind: "action", file: "lib/board/actions.ts", exportName: "assignSeatAction" },
      prepare: async (db) => {
        const { seatId, holderId } = await prepareVacantSeat(db);
        return { fields: { seatId, holderId, startsOn: "", endsOn: "" } };
      },
      // The new holder is told of their seat.
      writes: [...SEAT_WRITES, "notifications"],
      addsOneRowTo: ["seat_terms", "audit_log", "notifications"],
    },
    {
      name: "end seat term",
      permission: "seat.manage",
      target: { kind: "action", file: "lib/board/actions.ts", exportName: "endSeatTermAction" },
      prepare: async (db) => ({ fields: { seatId: await prepareHeldSeat(db), endedOn: "", endReason: "Term completed early." } }),
      writes: SEAT_WRITES,
      addsOneRowTo: ["audit_log"],
    },
    {
      name: "vacate seat",
      permission: "seat.manage",
      target: { kind: "action", file: "lib/board/actions.ts", exportName: "vacateSeatAction" },
      prepare: async (db) => ({ fields: { seatId: await prepareHeldSeat(db), vacateReason: "Resigned from the Board." } }),
      writes: SEAT_WRITES,
      addsOneRowTo: ["audit_log"],
    },
    {
      name: "designate office",
      permission: "seat.manage",
      target: { kind: "action", file: "lib/board/actions.ts", exportName: "designateOfficeAction" },
      // The Vice-chair, not the Chair: the Chair's demo user acts as "chair" in every other entry.
      prepare: async (db) => ({ fields: { seatId: await prepareHeldSeat(db), office: "vice_chair" } }),
      // The previous Vice-chair's term loses the office, with its own audit entry.
      writes: SEAT_WRITES,
    },
  ]),
);
