import { getDb } from "@/db";
import { toErrorResponse } from "@/lib/errors";
import { appOrigin } from "@/lib/env";
import { toApiEntry } from "@/lib/registry/api";
import { cachedRegistrySearch } from "@/lib/registry/public";
import { publicJson } from "@/lib/public/cache";

/** Public registry search for procurement systems: GET /api/registry?q=&country=&pillar=&status=&goodStanding=&page= */
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const params = Object.fromEntries(url.searchParams);
    const result = await cachedRegistrySearch(await getDb(), params);
    return publicJson(request, {
      asOf: result.asOf,
      asOfDate: result.today,
      timezone: result.timezone,
      page: result.page,
      pageSize: result.pageSize,
      total: result.total,
      results: result.results.map((entry) => toApiEntry(entry, appOrigin())),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export const dynamic = "force-dynamic";
