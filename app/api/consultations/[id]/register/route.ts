import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/session";
import { registerCsv } from "@/lib/consultations/register-csv";
import { listRegister } from "@/lib/consultations/queries";
import { toErrorResponse } from "@/lib/errors";

/** The consultation register as CSV, with the page's filters; signed-in readers of the consultation only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const url = new URL(request.url);
    const register = await listRegister(await getDb(), await currentActor(), {
      consultationId: id,
      pillar: url.searchParams.get("pillar") ?? undefined,
      status: url.searchParams.get("status") ?? undefined,
    });
    return new Response(registerCsv(register.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="register-${register.policy.slug}-v${register.versionNumber}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
