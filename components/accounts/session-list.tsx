import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";

/** A session as the lists show it, its times already formatted in the reader's timezone. */
export type SessionView = {
  id: string;
  browser: string;
  address: string | null;
  started: string;
  lastSeen: string;
  open: boolean;
  current: boolean;
  ended: string | null;
};

/** Sessions newest first; `end` renders the button that ends an open one. */
export function SessionList({ sessions, caption, end }: { sessions: SessionView[]; caption: string; end: (session: SessionView) => ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="sessions">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Browser
            </th>
            <th scope="col" className="py-2 pr-4">
              Address
            </th>
            <th scope="col" className="py-2 pr-4">
              Signed in
            </th>
            <th scope="col" className="py-2 pr-4">
              Last seen
            </th>
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">End</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="py-2 pr-4">{s.browser}</td>
              <td className="py-2 pr-4">{s.address ?? "—"}</td>
              <td className="py-2 pr-4">{s.started}</td>
              <td className="py-2 pr-4">{s.lastSeen}</td>
              <td className="py-2 pr-4">
                {s.open ? <Badge tone="good">{s.current ? "Open (this browser)" : "Open"}</Badge> : <Badge>{s.ended ?? "Expired"}</Badge>}
              </td>
              <td className="py-2">{s.open ? end(s) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
