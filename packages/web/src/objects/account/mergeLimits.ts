/** At most this many accounts in one merge (server objects/account/merge.types.ts MAX_MERGE). */
export const MAX_MERGE = 10;
