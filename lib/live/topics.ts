import { isUuid } from "@/db/client";

/**
 * What a live update names: the page to re-read, never the data. `inbox` is the reader's own
 * notices; `inbox:<id>` is accepted for the reader's own id only.
 */
export type Topic = { kind: "motion" | "consultation"; id: string } | { kind: "inbox"; userId: string | null };

/** How many topics one connection may follow: a page's own, and the header's inbox. */
export const MAX_TOPICS_PER_CONNECTION = 3;

/** Parses `motion:<uuid>`, `consultation:<uuid>`, `inbox` or `inbox:<uuid>`; anything else is null. */
export function parseTopic(value: unknown): Topic | null {
  if (typeof value !== "string" || value.length > 60) return null;
  if (value === "inbox") return { kind: "inbox", userId: null };
  const [kind, id, ...rest] = value.split(":");
  if (rest.length > 0 || !isUuid(id)) return null;
  const lower = id.toLowerCase();
  if (kind === "motion" || kind === "consultation") return { kind, id: lower };
  if (kind === "inbox") return { kind, userId: lower };
  return null;
}

/** The channel key a topic is published under (what the database's triggers send). */
export function topicKey(topic: Topic, readerId: string): string {
  return topic.kind === "inbox" ? `inbox:${topic.userId ?? readerId}` : `${topic.kind}:${topic.id}`;
}
