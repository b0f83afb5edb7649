/** The answers the consultation register gives a comment. A leaf module: no imports. */
export const COMMENT_STATUSES = ["open", "accepted", "partly_accepted", "not_accepted", "noted"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
