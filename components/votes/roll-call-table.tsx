import type { RollCallRow } from "@/lib/votes/queries";
import { formatDateTime } from "@/lib/format";

const CHOICE: Record<string, string> = { yes: "Yes", no: "No", abstain: "Abstain" };

/** Who is on the roll and how each voted. Only for Board members, the Secretariat and administrators. */
export function RollCallTable({ rows, timeZone }: { rows: RollCallRow[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Roll call: each director on the roll and their ballot</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Director
            </th>
            <th scope="col" className="py-2 pr-3">
              Pillar and seat
            </th>
            <th scope="col" className="py-2 pr-3">
              Ballot
            </th>
            <th scope="col" className="py-2">
              Last changed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => (
            <tr key={r.directorId} className={r.endedAt ? "text-slate-700" : undefined}>
              <th scope="row" className="py-2 pr-3 font-medium">
                {r.name}
                <span className="block text-xs font-normal text-slate-700">{r.organizationName}</span>
              </th>
              <td className="py-2 pr-3">
                {r.pillarName}, seat {r.seatNumber}
              </td>
              <td className="py-2 pr-3">
                {r.recusedReason ? (
                  <>
                    {r.choice ? `Recused after voting; ballot (${CHOICE[r.choice]}) set aside` : "Recused"}
                    <span className="block text-xs text-slate-700">{r.recusedReason}</span>
                  </>
                ) : r.choice ? (
                  CHOICE[r.choice]
                ) : r.endedAt ? (
                  `Left the seat ${formatDateTime(r.endedAt, timeZone)} before voting; the successor votes for the seat`
                ) : (
                  "Not voted"
                )}
                {r.history.length > 1 ? (
                  <span className="block text-xs text-slate-700">
                    Ballot history:{" "}
                    {r.history.map((h, i) => (
                      <span key={`${h.castAt}-${i}`}>
                        {i > 0 ? " → " : ""}
                        {CHOICE[h.choice] ?? h.choice} ({formatDateTime(new Date(h.castAt), timeZone)})
                      </span>
                    ))}
                  </span>
                ) : null}
              </td>
              <td className="py-2">{r.votedAt ? formatDateTime(r.votedAt, timeZone) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
