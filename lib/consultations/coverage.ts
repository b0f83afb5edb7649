/** One comment as coverage sees it. */
export type CoverageComment = { paragraphKey: string; pillarId: string; organizationId: string; authorId: string };
export type CoveragePillar = { id: string; name: string; invited: boolean };

export type PillarCoverage = { pillarId: string; name: string; invited: boolean; organizations: number; people: number; comments: number };

export type Coverage = {
  pillars: PillarCoverage[];
  /** Rows follow the paragraphs; `counts` follows `pillars`. */
  heatMap: { paragraphKey: string; counts: number[]; total: number }[];
  /** Invited pillars from which nobody has commented yet. */
  silentInvited: string[];
  max: number;
};

/**
 * Who has been heard: per pillar, how many organisations and people commented, and a paragraph ×
 * pillar count of comments (replies included: they are voices too).
 */
export function computeCoverage(paragraphKeys: string[], pillars: CoveragePillar[], comments: CoverageComment[]): Coverage {
  const perPillar = pillars.map((p) => {
    const mine = comments.filter((c) => c.pillarId === p.id);
    return {
      pillarId: p.id,
      name: p.name,
      invited: p.invited,
      organizations: new Set(mine.map((c) => c.organizationId)).size,
      people: new Set(mine.map((c) => c.authorId)).size,
      comments: mine.length,
    };
  });
  const heatMap = paragraphKeys.map((key) => {
    const counts = pillars.map((p) => comments.filter((c) => c.paragraphKey === key && c.pillarId === p.id).length);
    return { paragraphKey: key, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  return {
    pillars: perPillar,
    heatMap,
    silentInvited: perPillar.filter((p) => p.invited && p.comments === 0).map((p) => p.name),
    max: Math.max(0, ...heatMap.flatMap((r) => r.counts)),
  };
}
