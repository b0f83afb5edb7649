/** The words of motions and ballots. A leaf module: no imports, so the schema, rules and client components share it. */

/** The decision-rule shape, stored as data (see SPEC §4). */
export type DecisionRuleConfig = {
  quorum: { minTotal: number; minPerPillar: number };
  pass: { minYesTotal: number; minYesPerPillar: number; minYesShare: number };
};

export const MOTION_STATUSES = ["draft", "open", "closed", "withdrawn"] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

export const BALLOT_CHOICES = ["yes", "no", "abstain"] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
