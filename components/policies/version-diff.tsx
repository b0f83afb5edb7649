import { Badge } from "@/components/ui/card";
import type { ParagraphComparison, WordPart } from "@/lib/policies/compare";

/** Word changes with a text cue as well as colour: struck-through deletions, underlined insertions, each announced. */
export function Words({ parts, show }: { parts: WordPart[]; show: "both" | "before" | "after" }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.change === "same") return <span key={i}>{part.text}</span>;
        if (part.change === "removed") {
          if (show === "after") return null;
          return (
            <del key={i} className="bg-red-100 text-red-900 line-through decoration-2">
              <span className="sr-only">[deleted: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          );
        }
        if (show === "before") return null;
        return (
          <ins key={i} className="bg-green-100 text-green-900 underline decoration-2">
            <span className="sr-only">[inserted: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        );
      })}
    </>
  );
}

const KIND: Record<ParagraphComparison["kind"], { label: string; tone: "neutral" | "good" | "warn" | "bad" }> = {
  unchanged: { label: "Unchanged", tone: "neutral" },
  edited: { label: "Edited", tone: "warn" },
  added: { label: "Inserted paragraph", tone: "good" },
  deleted: { label: "Deleted paragraph", tone: "bad" },
};

function Whole({ text, as }: { text: string; as: "ins" | "del" }) {
  const Tag = as;
  return (
    <Tag className={as === "ins" ? "bg-green-100 text-green-900 underline" : "bg-red-100 text-red-900 line-through"}>
      <span className="sr-only">{as === "ins" ? "[inserted: " : "[deleted: "}</span>
      {text}
      <span className="sr-only">]</span>
    </Tag>
  );
}

export function SideBySideDiff({ rows, from, to }: { rows: ParagraphComparison[]; from: number; to: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-left text-sm">
        <caption className="sr-only">
          Version {from} and version {to}, paragraph by paragraph
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="w-36 py-2 pr-3">
              Change
            </th>
            <th scope="col" className="py-2 pr-3">
              Version {from}
            </th>
            <th scope="col" className="py-2">
              Version {to}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 align-top">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="py-2 pr-3 font-normal">
                <Badge tone={KIND[row.kind].tone}>{KIND[row.kind].label}</Badge>
              </th>
              <td className="whitespace-pre-wrap py-2 pr-3">
                {row.kind === "edited" ? (
                  <Words parts={row.parts} show="before" />
                ) : row.kind === "deleted" ? (
                  <Whole text={row.before} as="del" />
                ) : row.kind === "unchanged" ? (
                  row.before
                ) : (
                  <span className="text-slate-700">(not in this version)</span>
                )}
              </td>
              <td className="whitespace-pre-wrap py-2">
                {row.kind === "edited" ? (
                  <Words parts={row.parts} show="after" />
                ) : row.kind === "added" ? (
                  <Whole text={row.after} as="ins" />
                ) : row.kind === "unchanged" ? (
                  row.after
                ) : (
                  <span className="text-slate-700">(deleted)</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InlineDiff({ rows }: { rows: ParagraphComparison[] }) {
  return (
    <ol className="flex flex-col gap-3 text-sm">
      {rows.map((row) => (
        <li key={row.key} className="rounded border border-slate-200 p-3">
          <p className="mb-1">
            <Badge tone={KIND[row.kind].tone}>{KIND[row.kind].label}</Badge>
          </p>
          <p className="whitespace-pre-wrap">
            {row.kind === "edited" ? (
              <Words parts={row.parts} show="both" />
            ) : row.kind === "added" ? (
              <Whole text={row.after} as="ins" />
            ) : row.kind === "deleted" ? (
              <Whole text={row.before} as="del" />
            ) : (
              row.after
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
