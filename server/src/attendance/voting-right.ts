/**
 * Whether participant row `p` has a voting right: set per participant, by default the chair and
 * delegates (shared/src/roles.ts defaultVotingRight); an observer never, whatever is stored.
 */
export const hasVotingRightSql = (p: string) => `(${p}.role NOT IN ('observer', 'official') AND COALESCE(${p}.voting_right, ${p}.role IN ('chair', 'delegate')))`;
