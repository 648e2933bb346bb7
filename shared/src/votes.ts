import { z } from 'zod';

/** Votes (biểu quyết). Counted against the council's seats (tổng số đại biểu), never against those present, unless the rule says so. */
export const VOTE_KINDS = ['named', 'secret', 'show_of_hands'] as const;
/** named: công khai (who chose what is recorded); secret: bỏ phiếu kín; show_of_hands: giơ tay, result entered by staff. */
export type VoteKind = (typeof VOTE_KINDS)[number];

export const PASS_RULES = ['majority_of_seats', 'two_thirds_of_seats', 'majority_of_present', 'majority_of_cast'] as const;
export type PassRule = (typeof PASS_RULES)[number];

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
/** Tán thành / Không tán thành / Không biểu quyết. */
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
  /** Every ballot, "không biểu quyết" included. */
  cast: number;
}

export interface VoteResult {
  counts: VoteCounts;
  seats: number;
  /** Voting members present (hall or online) when the vote closed. */
  present: number;
  rule: PassRule;
  /** Yes votes the rule needed. */
  needed: number;
  passed: boolean;
  /** Entered by hand (show of hands). */
  manual: boolean;
}

export interface Vote {
  id: string;
  meetingId: string;
  sittingId: string | null;
  agendaItemId: string | null;
  documentId: string | null;
  versionId: string | null;
  paragraphId: string | null;
  /** "Điều 3" or "Toàn văn" for per-section votes; empty otherwise. */
  sectionLabel: string;
  /** The start of the section's text, shown under the question. */
  sectionExcerpt: string;
  question: string;
  kind: VoteKind;
  passRule: PassRule;
  status: VoteStatus;
  durationSeconds: number | null;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  seats: number | null;
  ballotsCast: number;
  result: VoteResult | null;
  /** Biểu quyết lại: the earlier vote this one repeats, and the later one that replaced this. */
  repeatOf: string | null;
  supersededBy: string | null;
  onHallScreen: boolean;
  /** Named votes: the chair published who chose what to every participant. */
  recordsPublished: boolean;
  position: number;
  createdAt: string;
}

/** A vote as the caller sees it: whether they may vote and whether their ballot was counted. */
export interface VoteForMe extends Vote {
  myBallot: { cast: boolean; choice: VoteChoice | null };
}

const duration = z.number().int().min(10, 'At least 10 seconds').max(3600, 'At most one hour').nullable();

export const createVoteRequest = z.object({
  question: z.string().trim().min(3, 'Write the question').max(1000),
  kind: z.enum(VOTE_KINDS).default('named'),
  /** The council's default when omitted. */
  passRule: z.enum(PASS_RULES).optional(),
  agendaItemId: z.string().uuid().nullable().default(null),
  documentId: z.string().uuid().nullable().default(null),
  paragraphId: z.string().uuid().nullable().default(null),
  sectionLabel: z.string().trim().max(100).default(''),
  durationSeconds: duration.default(null),
});
export type CreateVoteRequest = z.infer<typeof createVoteRequest>;

/** One vote per "Điều N" of the document's current version, then one on the whole text. */
export const prepareSectionVotesRequest = z.object({
  documentId: z.string().uuid(),
  agendaItemId: z.string().uuid().nullable().default(null),
  kind: z.enum(VOTE_KINDS).default('named'),
  passRule: z.enum(PASS_RULES).optional(),
  durationSeconds: duration.default(null),
});
export type PrepareSectionVotesRequest = z.infer<typeof prepareSectionVotesRequest>;

export const openVoteRequest = z.object({ durationSeconds: duration.optional() });
export type OpenVoteRequest = z.infer<typeof openVoteRequest>;

export const castBallotRequest = z.object({ clientId: z.string().uuid(), choice: z.enum(VOTE_CHOICES) });
export type CastBallotRequest = z.infer<typeof castBallotRequest>;
export const castBallotPayload = castBallotRequest.extend({ voteId: z.string().uuid() });
export type CastBallotPayload = z.infer<typeof castBallotPayload>;

export interface BallotReceipt {
  voteId: string;
  /** Counted (now or earlier, for a retry of the same client id). */
  counted: true;
  /** The choice now counted for this voter; null for a secret ballot (the server keeps no link). */
  choice: VoteChoice | null;
  replay: boolean;
}

const count = z.number().int().min(0).max(100_000);
export const manualResultRequest = z.object({ yes: count, no: count, abstain: count });
export type ManualResultRequest = z.infer<typeof manualResultRequest>;

export const showOnHallRequest = z.object({ show: z.boolean() });
export type ShowOnHallRequest = z.infer<typeof showOnHallRequest>;

export interface NamedBallotRecord {
  userId: string;
  fullName: string;
  unit: string;
  choice: VoteChoice;
}

/** Staff (and, once published, participants) see who chose what for a named vote; for a secret one only who voted, by name. */
export interface VoteRecords {
  vote: Vote;
  ballots: NamedBallotRecord[];
  voters: { userId: string; fullName: string }[];
}

export interface VoteTally {
  voteId: string;
  ballotsCast: number;
  /** Voting members present now. */
  eligible: number;
}

/** Yes votes a rule needs, from seats, those present and ballots cast. */
export function votesNeeded(rule: PassRule, seats: number, present: number, cast: number): number {
  switch (rule) {
    case 'majority_of_seats':
      return Math.floor(seats / 2) + 1;
    case 'two_thirds_of_seats':
      return Math.ceil((2 * seats) / 3);
    case 'majority_of_present':
      return Math.floor(present / 2) + 1;
    case 'majority_of_cast':
      return Math.floor(cast / 2) + 1;
  }
}

export function decideResult(rule: PassRule, counts: VoteCounts, seats: number, present: number, manual: boolean): VoteResult {
  const needed = votesNeeded(rule, seats, present, counts.cast);
  return { counts, seats, present, rule, needed, passed: counts.yes >= needed, manual };
}

/** A share of the seats in Vietnamese style: 84,48%. */
export function formatShare(count: number, seats: number): string {
  const pct = seats > 0 ? (count * 100) / seats : 0;
  return `${pct.toFixed(2).replace('.', ',')}%`;
}

/** "49 phiếu, chiếm 84,48% tổng số đại biểu". */
export function announceCount(count: number, seats: number): string {
  return `${count} phiếu, chiếm ${formatShare(count, seats)} tổng số đại biểu`;
}

export const PASS_RULE_LABEL: Record<PassRule, string> = {
  majority_of_seats: 'Quá nửa tổng số đại biểu',
  two_thirds_of_seats: 'Ít nhất hai phần ba tổng số đại biểu',
  majority_of_present: 'Quá nửa số đại biểu có mặt',
  majority_of_cast: 'Quá nửa số phiếu biểu quyết',
};

export const VOTE_CHOICE_LABEL: Record<VoteChoice, string> = { yes: 'Tán thành', no: 'Không tán thành', abstain: 'Không biểu quyết' };

/** A draft's settings, changed before it opens (a closed or open vote never changes). Only what is sent changes. */
export const updateVoteRequest = z
  .object({
    question: z.string().trim().min(3, 'Write the question').max(1000),
    kind: z.enum(VOTE_KINDS),
    passRule: z.enum(PASS_RULES),
    sectionLabel: z.string().trim().max(100),
    durationSeconds: duration,
  })
  .partial()
  .refine((r) => Object.keys(r).length > 0, { message: 'Nothing to change' });
export type UpdateVoteRequest = z.infer<typeof updateVoteRequest>;
