import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { type DB, isUuid } from "@/db/client";
import { boardSeats, organizations, pillars, seatTerms, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";

export type BoardSeat = {
  seatId: string;
  number: number;
  pillarId: string;
  pillarName: string;
  holder: { termId: string; name: string; organizationName: string; startsOn: string; endsOn: string; office: "chair" | "vice_chair" | null } | null;
};

export type BoardPillar = { id: string; name: string; seats: BoardSeat[] };

/** The board's composition, by pillar in the pillars' order. Public: board composition is not secret. */
export async function listBoardComposition(db: DB): Promise<BoardPillar[]> {
  const [pillarRows, rows] = await Promise.all([
    db.select({ id: pillars.id, name: pillars.name }).from(pillars).orderBy(asc(pillars.sortOrder), asc(pillars.name)),
    db
      .select({
        seatId: boardSeats.id,
        number: boardSeats.number,
        pillarId: boardSeats.pillarId,
        pillarName: pillars.name,
        termId: seatTerms.id,
        holderName: users.name,
        organizationName: organizations.name,
        startsOn: seatTerms.startsOn,
        endsOn: seatTerms.endsOn,
        office: seatTerms.office,
      })
      .from(boardSeats)
      .innerJoin(pillars, eq(pillars.id, boardSeats.pillarId))
      .leftJoin(seatTerms, and(eq(seatTerms.seatId, boardSeats.id), isNull(seatTerms.endedAt)))
      .leftJoin(users, eq(users.id, seatTerms.holderId))
      .leftJoin(organizations, eq(organizations.id, users.organizationId))
      .orderBy(asc(pillars.sortOrder), asc(boardSeats.number)),
  ]);
  const seats: BoardSeat[] = rows.map((r) => ({
    seatId: r.seatId,
    number: r.number,
    pillarId: r.pillarId,
    pillarName: r.pillarName,
    holder:
      r.termId && r.holderName && r.organizationName && r.startsOn && r.endsOn
        ? { termId: r.termId, name: r.holderName, organizationName: r.organizationName, startsOn: r.startsOn, endsOn: r.endsOn, office: r.office }
        : null,
  }));
  return pillarRows.map((p) => ({ ...p, seats: seats.filter((s) => s.pillarId === p.id) }));
}

/** One seat for the administrator: its current holder, its holder history and everyone who could be named. */
export async function getSeatForAdmin(db: DB, actor: Actor | null, seatId: string) {
  authorize(actor, "seat.manage");
  if (!isUuid(seatId)) return null;
  const [seat] = await db
    .select({ id: boardSeats.id, number: boardSeats.number, pillarId: boardSeats.pillarId, pillarName: pillars.name })
    .from(boardSeats)
    .innerJoin(pillars, eq(pillars.id, boardSeats.pillarId))
    .where(eq(boardSeats.id, seatId));
  if (!seat) return null;
  const [history, people] = await Promise.all([
    db
      .select({
        id: seatTerms.id,
        holderName: users.name,
        organizationName: organizations.name,
        startsOn: seatTerms.startsOn,
        endsOn: seatTerms.endsOn,
        office: seatTerms.office,
        endedAt: seatTerms.endedAt,
        endReason: seatTerms.endReason,
      })
      .from(seatTerms)
      .innerJoin(users, eq(users.id, seatTerms.holderId))
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(seatTerms.seatId, seat.id))
      .orderBy(desc(seatTerms.startsOn), desc(seatTerms.createdAt)),
    // Everyone is listed, grouped by pillar: the server, not the list, decides who may hold the seat.
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        organizationName: organizations.name,
        pillarId: organizations.pillarId,
        pillarName: pillars.name,
        seated: sql<boolean>`exists (select 1 from seat_terms t where t.holder_id = ${users.id} and t.ended_at is null)`,
      })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .innerJoin(pillars, eq(pillars.id, organizations.pillarId))
      .orderBy(asc(pillars.sortOrder), asc(users.name)),
  ]);
  const current = history.find((t) => t.endedAt === null) ?? null;
  return { seat, current, history, people };
}

/** The board for the administrator's seat list. */
export async function listSeatsForAdmin(db: DB, actor: Actor | null): Promise<BoardPillar[]> {
  authorize(actor, "seat.manage");
  return listBoardComposition(db);
}
