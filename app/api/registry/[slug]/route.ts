import { getDb } from "@/db";
import { AppError, toErrorResponse } from "@/lib/errors";
import { appOrigin } from "@/lib/env";
import { toApiEntry } from "@/lib/registry/api";
import { cachedRegistryEntry } from "@/lib/registry/public";
import { publicJson } from "@/lib/public/cache";

/** One organisation of the public registry with its dated status history: GET /api/registry/<slug> */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const found = await cachedRegistryEntry(await getDb(), slug);
    if (!found) throw new AppError("not_found", `No organisation has the slug "${slug.slice(0, 100)}".`);
    return publicJson(request, {
      asOf: found.asOf,
      asOfDate: found.today,
      timezone: found.timezone,
      ...toApiEntry(found.entry, appOrigin()),
      statusHistory: found.statusHistory.map((h) => ({ from: h.fromStatus, to: h.toStatus, effectiveOn: h.effectiveOn, reason: h.reason })),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export const dynamic = "force-dynamic";
