import type { Metadata } from "next";
import { SeatGrid } from "@/components/board/seat-grid";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { publicPageReader } from "@/lib/auth/page-access";
import { listBoardComposition } from "@/lib/board/queries";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/public/cache";
import { getTimezone } from "@/lib/settings";
import { todayIn } from "@/lib/time";

export const metadata: Metadata = { title: "Board" };
export const dynamic = "force-dynamic";

export default async function BoardPage() {
  const db = await getDb();
  const actor = await publicPageReader();
  // The public sees the same composition as everyone: from the public cache.
  const pillars = actor ? await listBoardComposition(db) : await cachedPublicRead(db, PUBLIC_TAGS.board, ["board"], () => listBoardComposition(db));
  // Time left and the 90-day flag are for the signed-in workspace; the public sees the composition.
  const today = actor ? todayIn(await getTimezone(db)) : null;
  const seats = pillars.reduce((n, p) => n + p.seats.length, 0);
  const vacant = pillars.reduce((n, p) => n + p.seats.filter((s) => !s.holder).length, 0);
  return (
    <>
      <PageTitle lead={`${seats} seats, shared equally by the pillars${vacant ? `; ${vacant} vacant` : ""}.`}>Board of Directors</PageTitle>
      <SeatGrid pillars={pillars} today={today} />
    </>
  );
}
