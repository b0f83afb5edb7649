"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { followTopic } from "./live-connection";

/**
 * Keeps the page it is on current: when the server says `topic` changed (a ballot on this motion,
 * a comment on this consultation, a notice in the reader's inbox), the page is read again from the
 * server, through the same checks as a reload. Renders nothing; without JavaScript, or where the
 * server refuses the stream, the page is as fresh as its last load.
 */
export function LiveUpdates({ topic }: { topic: string }) {
  const router = useRouter();
  useEffect(() => followTopic(topic, () => router.refresh()), [topic, router]);
  return null;
}
