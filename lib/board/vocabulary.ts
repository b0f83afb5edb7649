/** The board's offices. A leaf module: no imports. */
export const OFFICES = ["chair", "vice_chair"] as const;
export type Office = (typeof OFFICES)[number];
