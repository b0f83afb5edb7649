import { and, eq, isNull } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { boardSeats, organizations, pillars, seatTerms, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { formatDate } from "@/lib/format";
import { notify } from "@/lib/notifications/notify";
import { getTimezone } from "@/lib/settings";
import { toSeatError } from "./constraints";
import { defaultTermEnd, OFFICE_LABELS, vacatedEndDate } from "./rules";
import { assignSeatSchema, designateOfficeSchema, endTermSchema, vacateSeatSchema } from "./schemas";
import { todayIn } from "@/lib/time";
import { followSeatChange } from "@/lib/votes/motion-commands";

async function lockSeat(tx: Tx, seatId: string) {
  const [seat] = await tx
    .select({ id: boardSeats.id, number: boardSeats.number, pillarId: boardSeats.pillarId, pillarName: pillars.name })
    .from(boardSeats)
    .innerJoin(pillars, eq(pillars.id, boardSeats.pillarId))
    .where(eq(boardSeats.id, seatId))
    .for("update", { of: boardSeats });
  if (!seat) throw new AppError("not_found", "That seat does not exist.");
  return seat;
}

async function currentTerm(tx: Tx, where: { seatId?: string; holderId?: string }) {
  const condition = where.seatId ? eq(seatTerms.seatId, where.seatId) : eq(seatTerms.holderId, where.holderId!);
  const [term] = await tx
    .select({
      id: seatTerms.id,
      seatId: seatTerms.seatId,
      holderId: seatTerms.holderId,
      holderName: users.name,
      startsOn: seatTerms.startsOn,
      endsOn: seatTerms.endsOn,
      office: seatTerms.office,
      seatNumber: boardSeats.number,
      pillarName: pillars.name,
    })
    .from(seatTerms)
    .innerJoin(users, eq(users.id, seatTerms.holderId))
    .innerJoin(boardSeats, eq(boardSeats.id, seatTerms.seatId))
    .innerJoin(pillars, eq(pillars.id, boardSeats.pillarId))
    .where(and(condition, isNull(seatTerms.endedAt)));
  return term ?? null;
}

type Term = NonNullable<Awaited<ReturnType<typeof currentTerm>>>;
const snapshot = (t: Term | null) =>
  t ? { termId: t.id, holderId: t.holderId, holderName: t.holderName, startsOn: t.startsOn, endsOn: t.endsOn, office: t.office } : null;

/** Gives a vacant seat a holder of the seat's pillar who holds no other seat, and tells them. */
export async function assignSeat(db: DB, actor: Actor | null, input: unknown): Promise<{ termId: string }> {
  const admin = authorize(actor, "seat.manage");
  const data = parseInput(assignSeatSchema, input);
  const startsOn = data.startsOn ?? todayIn(await getTimezone(db));
  const endsOn = data.endsOn ?? defaultTermEnd(startsOn);
  if (endsOn <= startsOn) {
    throw new AppError("invalid", "A term must end after it starts.", { endsOn: [`The end must be after the start (${formatDate(startsOn)}).`] });
  }
  try {
    return await db.transaction(async (tx) => {
      const seat = await lockSeat(tx, data.seatId);
      const [holder] = await tx
        .select({ id: users.id, name: users.name, pillarId: organizations.pillarId, pillarName: pillars.name, organizationName: organizations.name })
        .from(users)
        .innerJoin(organizations, eq(organizations.id, users.organizationId))
        .innerJoin(pillars, eq(pillars.id, organizations.pillarId))
        .where(eq(users.id, data.holderId));
      if (!holder) throw new AppError("invalid", "Check the highlighted fields.", { holderId: ["Choose a person."] });
      if (holder.pillarId !== seat.pillarId) {
        const message = `${holder.name} belongs to ${holder.organizationName} (${holder.pillarName}); this seat is for ${seat.pillarName}.`;
        throw new AppError("conflict", message, { holderId: [message] });
      }
      const occupant = await currentTerm(tx, { seatId: seat.id });
      if (occupant) throw new AppError("conflict", `This seat is already held by ${occupant.holderName}; vacate it or end the term first.`);
      const held = await currentTerm(tx, { holderId: holder.id });
      if (held) {
        const message = `${holder.name} already holds seat ${held.seatNumber} of ${held.pillarName}; end that term first.`;
        throw new AppError("conflict", message, { holderId: [message] });
      }
      const [term] = await tx.insert(seatTerms).values({ seatId: seat.id, holderId: holder.id, startsOn, endsOn }).returning({ id: seatTerms.id });
      // The new holder may vote for this seat on open motions whose previous holder had not voted.
      const rolls = await followSeatChange(tx, { seatId: seat.id, pillarId: seat.pillarId, newHolderId: holder.id, now: new Date() });
      await recordAudit(tx, {
        actorId: admin.id,
        action: "seat.assign",
        entityType: "seat",
        entityId: seat.id,
        before: null,
        after: { termId: term!.id, holderId: holder.id, holderName: holder.name, startsOn, endsOn, office: null, joinedRollOf: rolls.joined },
      });
      await notify(tx, [
        {
          userId: holder.id,
          kind: "seat_assigned",
          title: `You hold seat ${seat.number} of ${seat.pillarName}`,
          body: `Your term runs from ${formatDate(startsOn)} to ${formatDate(endsOn)}.`,
          href: "/board",
        },
      ]);
      return { termId: term!.id };
    });
  } catch (error) {
    throw toSeatError(error);
  }
}

/** Ends the seat's current term on a date (today or earlier, after its start); the seat becomes vacant. */
export async function endSeatTerm(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "seat.manage");
  const data = parseInput(endTermSchema, input);
  const today = todayIn(await getTimezone(db));
  const endedOn = data.endedOn ?? today;
  if (endedOn > today) throw new AppError("invalid", "A term cannot be ended on a future date.", { endedOn: ["Choose today or an earlier date."] });
  try {
    await db.transaction(async (tx) => {
      const seat = await lockSeat(tx, data.seatId);
      const term = await currentTerm(tx, { seatId: seat.id });
      if (!term) throw new AppError("conflict", "This seat is vacant; there is no term to end.");
      if (endedOn <= term.startsOn) {
        const message = `The end must be after the term's start (${formatDate(term.startsOn)}).`;
        throw new AppError("invalid", "A term cannot end before it starts.", { endedOn: [message] });
      }
      await tx.update(seatTerms).set({ endsOn: endedOn, endedAt: new Date(), endReason: data.reason }).where(eq(seatTerms.id, term.id));
      const rolls = await followSeatChange(tx, { seatId: seat.id, pillarId: seat.pillarId, leftHolderId: term.holderId, now: new Date() });
      await recordAudit(tx, {
        actorId: admin.id,
        action: "seat.endTerm",
        entityType: "seat",
        entityId: seat.id,
        before: snapshot(term),
        after: { ...snapshot(term), endsOn: endedOn, ended: true, endReason: data.reason, leftRollOf: rolls.ended },
      });
    });
  } catch (error) {
    throw toSeatError(error);
  }
}

/** Vacates a seat today, before its term would end (a resignation, a removal). */
export async function vacateSeat(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "seat.manage");
  const data = parseInput(vacateSeatSchema, input);
  const today = todayIn(await getTimezone(db));
  await db.transaction(async (tx) => {
    const seat = await lockSeat(tx, data.seatId);
    const term = await currentTerm(tx, { seatId: seat.id });
    if (!term) throw new AppError("conflict", "This seat is already vacant.");
    const endsOn = vacatedEndDate(term, today);
    await tx.update(seatTerms).set({ endsOn, endedAt: new Date(), endReason: data.reason }).where(eq(seatTerms.id, term.id));
    const rolls = await followSeatChange(tx, { seatId: seat.id, pillarId: seat.pillarId, leftHolderId: term.holderId, now: new Date() });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "seat.vacate",
      entityType: "seat",
      entityId: seat.id,
      before: snapshot(term),
      after: { vacant: true, endedTerm: { ...snapshot(term), endsOn, endReason: data.reason }, leftRollOf: rolls.ended },
    });
  });
}

/**
 * Makes the seat's holder Chair or Vice-chair (or neither). The office moves: whoever held it
 * loses it in the same transaction, and both seats get an audit row.
 */
export async function designateOffice(db: DB, actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "seat.manage");
  const data = parseInput(designateOfficeSchema, input);
  const office = data.office === "none" ? null : data.office;
  try {
    await db.transaction(async (tx) => {
      const seat = await lockSeat(tx, data.seatId);
      const term = await currentTerm(tx, { seatId: seat.id });
      if (!term) throw new AppError("conflict", "This seat is vacant; only a director can hold an office.");
      if (term.office === office) return;
      if (office) {
        const [previous] = await tx
          .select({ id: seatTerms.id, seatId: seatTerms.seatId })
          .from(seatTerms)
          .where(and(eq(seatTerms.office, office), isNull(seatTerms.endedAt)))
          .for("update");
        if (previous) {
          const other = await currentTerm(tx, { seatId: previous.seatId });
          await tx.update(seatTerms).set({ office: null }).where(eq(seatTerms.id, previous.id));
          await recordAudit(tx, {
            actorId: admin.id,
            action: "seat.designateOffice",
            entityType: "seat",
            entityId: previous.seatId,
            before: snapshot(other),
            after: { ...snapshot(other), office: null, reason: `${OFFICE_LABELS[office]} passed to ${term.holderName}.` },
          });
        }
      }
      await tx.update(seatTerms).set({ office }).where(eq(seatTerms.id, term.id));
      await recordAudit(tx, {
        actorId: admin.id,
        action: "seat.designateOffice",
        entityType: "seat",
        entityId: seat.id,
        before: snapshot(term),
        after: { ...snapshot(term), office },
      });
    });
  } catch (error) {
    throw toSeatError(error);
  }
}
