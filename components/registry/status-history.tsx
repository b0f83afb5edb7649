import type { MembershipStatus } from "@/lib/registry/vocabulary";
import { formatDate } from "@/lib/format";
import { describeStatus } from "@/lib/registry/rules";

type Step = { fromStatus: MembershipStatus | null; toStatus: MembershipStatus; effectiveOn: string; reason: string };

/** The dated status history, newest first. Reasons are shown as text. */
export function StatusHistory({ steps }: { steps: Step[] }) {
  if (steps.length === 0) return <p className="text-sm text-slate-700">No membership status has been recorded.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Membership status changes, newest first</caption>
      <thead className="border-b border-slate-300">
        <tr>
          <th scope="col" className="py-2 pr-4">
            Effective
          </th>
          <th scope="col" className="py-2 pr-4">
            Change
          </th>
          <th scope="col" className="py-2">
            Reason
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 align-top">
        {steps.map((step, i) => (
          <tr key={i}>
            <td className="py-2 pr-4 whitespace-nowrap">{formatDate(step.effectiveOn)}</td>
            <td className="py-2 pr-4">
              {step.fromStatus ? `${describeStatus(step.fromStatus)} → ` : ""}
              {describeStatus(step.toStatus)}
            </td>
            <td className="py-2">{step.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
