/**
 * Roles granted directly. `director` and `chair` are not stored: they follow from holding a current
 * board seat (and its Chair or Vice-chair office), so they end when the term ends. A leaf module.
 */
export const STORED_ROLES = ["admin", "secretariat", "representative"] as const;
export type StoredRole = (typeof STORED_ROLES)[number];
