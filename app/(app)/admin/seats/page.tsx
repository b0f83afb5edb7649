import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageActor } from "@/lib/auth/page-access";
import { listSeatsForAdmin } from "@/lib/board/queries";
import { OFFICE_LABELS } from "@/lib/board/rules";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Seats" };

export default async function SeatsPage() {
  const actor = await requirePageActor("seat.manage", "/admin/seats");
  const pillars = await listSeatsForAdmin(await getDb(), actor);
  return (
    <>
      <PageTitle lead="Assign holders, end terms, vacate seats and designate the Chair and Vice-chair.">Board seats</PageTitle>
      <Card title="Seats">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Board seats by pillar, with their current holders</caption>
            <thead className="border-b border-slate-300">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  Seat
                </th>
                <th scope="col" className="py-2 pr-4">
                  Holder
                </th>
                <th scope="col" className="py-2 pr-4">
                  Term
                </th>
                <th scope="col" className="py-2">
                  Manage
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {pillars.flatMap((pillar) =>
                pillar.seats.map((seat) => (
                  <tr key={seat.seatId}>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {pillar.name}, seat {seat.number}
                    </th>
                    <td className="py-2 pr-4">
                      {seat.holder ? (
                        <>
                          {seat.holder.name}, {seat.holder.organizationName}{" "}
                          {seat.holder.office ? <Badge tone="good">{OFFICE_LABELS[seat.holder.office]}</Badge> : null}
                        </>
                      ) : (
                        <Badge>Vacant</Badge>
                      )}
                    </td>
                    <td className="py-2 pr-4">{seat.holder ? `${formatDate(seat.holder.startsOn)} – ${formatDate(seat.holder.endsOn)}` : "—"}</td>
                    <td className="py-2">
                      <Link className="text-brand-700 underline" href={`/admin/seats/${seat.seatId}`}>
                        Manage {pillar.name} seat {seat.number}
                      </Link>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
