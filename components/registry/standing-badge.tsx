import { Badge } from "@/components/ui/card";
import type { MembershipStatus } from "@/lib/registry/vocabulary";

/** Good standing in words, with colour only as a second cue. */
export function StandingBadge({ goodStanding, membershipStatus }: { goodStanding: boolean; membershipStatus: MembershipStatus | null }) {
  if (goodStanding) return <Badge tone="good">✓ In good standing</Badge>;
  if (membershipStatus === null) return <Badge>Not a member company</Badge>;
  return <Badge tone="bad">✗ Not in good standing</Badge>;
}
