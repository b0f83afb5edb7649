import { Badge } from "@/components/ui/card";
import type { Tally } from "@/lib/votes/rules";

const mark = (met: boolean) => (met ? <Badge tone="good">Met</Badge> : <Badge tone="warn">Not met</Badge>);

/** Quorum and threshold per pillar. `live` adds who has not voted yet and what is still needed. */
export function TallyTable({ tally, live }: { tally: Tally; live: boolean }) {
  const { rule } = tally;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="pb-2 text-left text-slate-700">
          Quorum: {rule.quorum.minTotal} ballots, {rule.quorum.minPerPillar} from each pillar. Passes with {rule.pass.minYesTotal} yes,{" "}
          {rule.pass.minYesPerPillar} from each pillar
          {rule.pass.minYesShare > 0 ? `, and yes more than ${Math.round(rule.pass.minYesShare * 1000) / 10}% of yes and no` : ""}.
        </caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Pillar
            </th>
            <th scope="col" className="py-2 pr-3">
              Yes
            </th>
            <th scope="col" className="py-2 pr-3">
              No
            </th>
            <th scope="col" className="py-2 pr-3">
              Abstain
            </th>
            {live ? (
              <th scope="col" className="py-2 pr-3">
                Not yet voted
              </th>
            ) : null}
            <th scope="col" className="py-2 pr-3">
              Recused
            </th>
            <th scope="col" className="py-2 pr-3">
              Quorum
            </th>
            <th scope="col" className="py-2">
              Yes minimum
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {tally.pillars.map((p) => (
            <tr key={p.pillarId}>
              <th scope="row" className="py-2 pr-3 font-medium">
                {p.name}
              </th>
              <td className="py-2 pr-3">{p.yes}</td>
              <td className="py-2 pr-3">{p.no}</td>
              <td className="py-2 pr-3">{p.abstain}</td>
              {live ? <td className="py-2 pr-3">{p.missing}</td> : null}
              <td className="py-2 pr-3">{p.recused}</td>
              <td className="py-2 pr-3">{mark(p.quorumMet)}</td>
              <td className="py-2">{mark(p.yesMet)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold">
          <tr>
            <th scope="row" className="py-2 pr-3">
              Total
            </th>
            <td className="py-2 pr-3">{tally.total.yes}</td>
            <td className="py-2 pr-3">{tally.total.no}</td>
            <td className="py-2 pr-3">{tally.total.abstain}</td>
            {live ? <td className="py-2 pr-3">{tally.total.missing}</td> : null}
            <td className="py-2 pr-3">{tally.total.recused}</td>
            <td className="py-2 pr-3">{mark(tally.quorum.met)}</td>
            <td className="py-2">{mark(tally.threshold.met)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The live state in words: passing or not, decided or not, and what is still needed. */
export function TallyStatus({ tally }: { tally: Tally }) {
  const decided =
    tally.decided === "pass"
      ? "Decided: the motion passes whatever the remaining directors do."
      : tally.decided === "fail"
        ? "Decided: passage is no longer possible, whatever the remaining directors do."
        : "Not decided yet: the remaining ballots can still change the outcome.";
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <p className="font-semibold">{tally.passes ? "As it stands, the motion passes." : "As it stands, the motion does not pass."}</p>
      <p data-testid="decided">{decided}</p>
      {tally.needs.length ? (
        <>
          <h3 className="text-base font-semibold">Still needed</h3>
          <ul className="list-disc pl-6" data-testid="needs">
            {tally.needs.map((need) => (
              <li key={need}>{need.charAt(0).toUpperCase() + need.slice(1)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
