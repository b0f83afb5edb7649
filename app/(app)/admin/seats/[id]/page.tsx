import type { Metadata } from "next";
import Link from "next/link";
import { AssignSeatForm, EndTermForm, OfficeForm, VacateSeatForm } from "@/components/board/seat-forms";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { loadPageItem, requirePageActor } from "@/lib/auth/page-access";
import { getSeatForAdmin } from "@/lib/board/queries";
import { OFFICE_LABELS } from "@/lib/board/rules";
import { formatDate, formatDateTime } from "@/lib/format";
import { getTimezone } from "@/lib/settings";
import { todayIn } from "@/lib/time";

export const metadata: Metadata = { title: "Manage a seat" };

const DONE: Record<string, string> = {
  assigned: "Holder assigned; they have been notified.",
  ended: "Term ended; the seat is vacant.",
  vacated: "Seat vacated.",
  office: "Office saved.",
};

export default async function SeatPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor("seat.manage", `/admin/seats/${id}`, query);
  const db = await getDb();
  const { seat, current, history, people } = await loadPageItem(() => getSeatForAdmin(db, actor, id));
  const { done } = query;
  const timeZone = await getTimezone(db);
  const today = todayIn(timeZone);
  const title = `${seat.pillarName}, seat ${seat.number}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 underline" href="/admin/seats">
          All seats
        </Link>
      </p>
      <PageTitle lead={current ? `Held by ${current.holderName}, ${current.organizationName}.` : "This seat is vacant."}>{title}</PageTitle>
      <div className="flex flex-col gap-6">
        {done && DONE[done] ? <Alert tone="success">{DONE[done]}</Alert> : null}
        {current ? (
          <>
            <Card title="Chair and Vice-chair">
              <OfficeForm seatId={seat.id} office={current.office} />
            </Card>
            <Card title="End the term">
              <EndTermForm seatId={seat.id} today={today} />
            </Card>
            <Card title="Vacate the seat">
              <VacateSeatForm seatId={seat.id} />
            </Card>
          </>
        ) : (
          <Card title="Assign a holder">
            <AssignSeatForm seatId={seat.id} people={people} today={today} />
          </Card>
        )}
        <Card title="Holder history">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Terms on this seat, newest first</caption>
            <thead className="border-b border-slate-300">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  Holder
                </th>
                <th scope="col" className="py-2 pr-4">
                  Term
                </th>
                <th scope="col" className="py-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {history.map((term) => (
                <tr key={term.id}>
                  <td className="py-2 pr-4">
                    {term.holderName}, {term.organizationName} {term.office ? <Badge tone="good">{OFFICE_LABELS[term.office]}</Badge> : null}
                  </td>
                  <td className="py-2 pr-4">
                    {formatDate(term.startsOn)} – {formatDate(term.endsOn)}
                  </td>
                  <td className="py-2">{term.endedAt ? `Ended ${formatDateTime(term.endedAt, timeZone)}: ${term.endReason ?? ""}` : "Current"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
