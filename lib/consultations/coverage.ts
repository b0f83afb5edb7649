/** One comment as coverage sees it. */
/** `pillarId` is null for the Association's own people, who count towards no pillar. */
export type CoverageComment = { paragraphKey: string; pillarId: string | null; organizationId: string; authorId: string };
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
 * pillar count of comments (replies included: they are voices too). One pass over the comments:
 * the work grows with paragraphs plus comments, never with their product.
 */
export function computeCoverage(paragraphKeys: string[], pillars: CoveragePillar[], comments: CoverageComment[]): Coverage {
  const column = new Map(pillars.map((p, i) => [p.id, i]));
  const row = new Map(paragraphKeys.map((key, i) => [key, i]));
  const cells = paragraphKeys.map(() => pillars.map(() => 0));
  const tallies = pillars.map(() => ({ organizations: new Set<string>(), people: new Set<string>(), comments: 0 }));
  for (const c of comments) {
    const p = c.pillarId === null ? undefined : column.get(c.pillarId);
    if (p === undefined) continue;
    tallies[p]!.organizations.add(c.organizationId);
    tallies[p]!.people.add(c.authorId);
    tallies[p]!.comments++;
    const r = row.get(c.paragraphKey);
    if (r !== undefined) cells[r]![p]!++;
  }
  const perPillar = pillars.map((p, i) => ({
    pillarId: p.id,
    name: p.name,
    invited: p.invited,
    organizations: tallies[i]!.organizations.size,
    people: tallies[i]!.people.size,
    comments: tallies[i]!.comments,
  }));
  const heatMap = paragraphKeys.map((key, i) => ({ paragraphKey: key, counts: cells[i]!, total: cells[i]!.reduce((a, b) => a + b, 0) }));
  return {
    pillars: perPillar,
    heatMap,
    silentInvited: perPillar.filter((p) => p.invited && p.comments === 0).map((p) => p.name),
    max: Math.max(0, ...heatMap.flatMap((r) => r.counts)),
  };
}
