import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { toCsv } from "@/lib/csv";
import { finaliseIfDueAndExportRollCall } from "@/lib/votes/queries";

/** The roll call of a closed motion as CSV, for Board members, the Secretariat and administrators. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const { rows } = await finaliseIfDueAndExportRollCall(await getDb(), await currentActor(), id);
    return new Response(toCsv(rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="roll-call-${id}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
