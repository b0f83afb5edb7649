import { Badge } from "@/components/ui/card";
import type { BoardPillar, BoardSeat } from "@/lib/board/queries";
import { describeTimeLeft, OFFICE_LABELS } from "@/lib/board/rules";
import { formatDate } from "@/lib/format";

/** The board as a grid: one column per pillar, its seats in order. `today` is given to signed-in viewers only. */
export function SeatGrid({ pillars, today }: { pillars: BoardPillar[]; today: string | null }) {
  return (
    <div className="grid gap-6 md:grid-cols-3">
      {pillars.map((pillar) => (
        <section key={pillar.id} aria-labelledby={`pillar-${pillar.id}`} className="flex flex-col gap-3">
          <h2 id={`pillar-${pillar.id}`} className="text-lg font-semibold text-slate-900">
            {pillar.name}
          </h2>
          <ol className="flex flex-col gap-3" aria-label={`${pillar.name} seats`}>
            {pillar.seats.map((seat) => (
              <SeatCard key={seat.seatId} seat={seat} today={today} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function SeatCard({ seat, today }: { seat: BoardSeat; today: string | null }) {
  const holder = seat.holder;
  const timeLeft = holder && today ? describeTimeLeft(holder.endsOn, today) : null;
  return (
    <li className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm" data-testid="seat">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">Seat {seat.number}</h3>
      {holder ? (
        <div className="mt-1 flex flex-col gap-1 text-sm">
          <p className="text-base font-semibold text-slate-900">
            {holder.name} {holder.office ? <Badge tone="good">{OFFICE_LABELS[holder.office]}</Badge> : null}
          </p>
          <p className="text-slate-700">{holder.organizationName}</p>
          <p className="text-slate-700">
            Term {formatDate(holder.startsOn)} – {formatDate(holder.endsOn)}
          </p>
          {timeLeft ? (
            <p className="text-slate-800">
              {timeLeft.label}
              {timeLeft.endingSoon ? (
                <>
                  {" "}
                  <Badge tone="warn">Term ends within 90 days</Badge>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="mt-1 text-base font-semibold text-slate-800">
          <Badge>Vacant</Badge>
        </p>
      )}
    </li>
  );
}
