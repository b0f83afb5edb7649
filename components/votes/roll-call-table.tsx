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
            <tr key={r.directorId}>
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
                    Recused <span className="block text-xs text-slate-700">{r.recusedReason}</span>
                  </>
                ) : r.choice ? (
                  <>
                    {CHOICE[r.choice]}
                    {r.changes > 1 ? <span className="block text-xs text-slate-700">changed {r.changes - 1}×</span> : null}
                  </>
                ) : (
                  "Not voted"
                )}
              </td>
              <td className="py-2">{r.votedAt ? formatDateTime(r.votedAt, timeZone) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
