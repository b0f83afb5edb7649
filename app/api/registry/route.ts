import { getDb } from "@/db";
import { toErrorResponse } from "@/lib/errors";
import { appOrigin } from "@/lib/env";
import { API_HEADERS, toApiEntry } from "@/lib/registry/api";
import { searchRegistry } from "@/lib/registry/queries";

/** Public registry search for procurement systems: GET /api/registry?q=&country=&pillar=&status=&goodStanding=&page= */
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const params = Object.fromEntries(url.searchParams);
    const result = await searchRegistry(await getDb(), params);
    return Response.json(
      {
        asOf: result.asOf,
        asOfDate: result.today,
        timezone: result.timezone,
        page: result.page,
        pageSize: result.pageSize,
        total: result.total,
        results: result.results.map((entry) => toApiEntry(entry, appOrigin())),
      },
      { headers: API_HEADERS },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}

export const dynamic = "force-dynamic";
