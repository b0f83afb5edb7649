import type { Coverage } from "@/lib/consultations/coverage";

/** Heat cells carry their number as text; the shade only repeats it. */
function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return "bg-white";
  const level = count / max;
  return level > 0.66 ? "bg-amber-300" : level > 0.33 ? "bg-amber-200" : "bg-amber-100";
}

export function CoverageTables({ coverage, paragraphLabels }: { coverage: Coverage; paragraphLabels: string[] }) {
  return (
    <div className="flex flex-col gap-6">
      {coverage.silentInvited.length ? (
        <p role="status" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900">
          <strong>Not heard yet:</strong> {coverage.silentInvited.join(", ")} {coverage.silentInvited.length === 1 ? "is" : "are"} invited but nobody
          from {coverage.silentInvited.length === 1 ? "it" : "them"} has commented.
        </p>
      ) : (
        <p className="text-sm text-slate-700">Every invited pillar has commented.</p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-semibold text-slate-900">Who has commented, by pillar</caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Pillar
              </th>
              <th scope="col" className="py-2 pr-4">
                Invited
              </th>
              <th scope="col" className="py-2 pr-4">
                Organisations
              </th>
              <th scope="col" className="py-2 pr-4">
                People
              </th>
              <th scope="col" className="py-2">
                Comments and replies
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {coverage.pillars.map((p) => (
              <tr key={p.pillarId}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {p.name}
                </th>
                <td className="py-2 pr-4">{p.invited ? "Yes" : "No (directors only)"}</td>
                <td className="py-2 pr-4">{p.organizations}</td>
                <td className="py-2 pr-4">{p.people}</td>
                <td className="py-2">{p.comments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-semibold text-slate-900">
            Comments per paragraph and pillar (heat map: darker means more comments)
          </caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Paragraph
              </th>
              {coverage.pillars.map((p) => (
                <th key={p.pillarId} scope="col" className="px-2 py-2 text-center">
                  {p.name}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 text-center">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {coverage.heatMap.map((row, i) => (
              <tr key={row.paragraphKey}>
                <th scope="row" className="py-2 pr-4 font-normal">
                  <a className="text-brand-700 underline" href={`#paragraph-${row.paragraphKey}`}>
                    ¶{i + 1}
                  </a>{" "}
                  {paragraphLabels[i]}
                </th>
                {row.counts.map((n, j) => (
                  <td key={j} className={`px-2 py-2 text-center font-semibold text-slate-900 ${shade(n, coverage.max)}`}>
                    {n}
                  </td>
                ))}
                <td className="px-2 py-2 text-center">{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
