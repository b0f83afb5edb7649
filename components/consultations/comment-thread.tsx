import { Badge } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { CommentStatusBadge } from "@/components/policies/labels";
import type { ConsultationComment } from "@/lib/consultations/queries";
import { formatDateTime } from "@/lib/format";
import { ASSOCIATION_LABEL } from "@/lib/users/vocabulary";
import { ReplyForm } from "./comment-form";

function Byline({ c, timeZone }: { c: ConsultationComment; timeZone: string }) {
  return (
    <p className="text-sm text-slate-700">
      <span className="font-semibold text-slate-900">{c.authorName}</span> · {c.organizationName} · {c.pillarName ?? ASSOCIATION_LABEL} ·{" "}
      <time dateTime={new Date(c.createdAt).toISOString()}>{formatDateTime(c.createdAt, timeZone)}</time>
    </p>
  );
}

/** A top-level comment with its answer and its replies; the reply box appears only for those who may comment. */
export function CommentThread({
  comment,
  replies,
  timeZone,
  reply,
}: {
  comment: ConsultationComment;
  replies: ConsultationComment[];
  timeZone: string;
  reply?: { consultationId: string; slug: string };
}) {
  return (
    <article className="rounded-md border border-slate-300 bg-white p-3" aria-label={`Comment by ${comment.authorName}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Byline c={comment} timeZone={timeZone} />
        <span className="flex flex-wrap gap-1">
          <Badge>Written on version {comment.originalVersionNumber}</Badge>
          {comment.outdated ? <Badge tone="bad">{comment.outdated}</Badge> : null}
          <CommentStatusBadge status={comment.status} />
        </span>
      </div>
      {comment.quote ? (
        <blockquote className="my-2 border-l-4 border-slate-400 pl-3 text-sm text-slate-800">
          <span className="sr-only">Quoted: </span>“{comment.quote}”
        </blockquote>
      ) : null}
      <Markdown className="text-sm">{comment.body}</Markdown>
      {comment.response || comment.status !== "open" ? (
        <div className="mt-2 rounded bg-slate-100 p-2 text-sm">
          <p className="font-semibold">Secretariat&apos;s answer</p>
          {comment.response ? <Markdown>{comment.response}</Markdown> : null}
        </div>
      ) : null}
      {replies.length ? (
        <ul className="mt-3 flex flex-col gap-2 border-l-2 border-slate-300 pl-4" aria-label="Replies">
          {replies.map((r) => (
            <li key={r.id}>
              <Byline c={r} timeZone={timeZone} />
              <Markdown className="text-sm">{r.body}</Markdown>
            </li>
          ))}
        </ul>
      ) : null}
      {reply && !comment.outdated ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Reply to {comment.authorName}</summary>
          <ReplyForm consultationId={reply.consultationId} slug={reply.slug} parentId={comment.id} paragraphKey={comment.paragraphKey} />
        </details>
      ) : null}
    </article>
  );
}
