import { z } from 'zod';

/**
 * Speakers list (danh sách phát biểu) per agenda item.
 * contribution = phát biểu; reply = tranh luận (names an earlier speaker); procedural = kiến nghị về thủ tục
 * (goes ahead of the others and is shown to the chair at once); question = chất vấn; followup = chất vấn lại;
 * answer = trả lời chất vấn (the official, added by the chair).
 */
export const SPEECH_TYPES = ['contribution', 'reply', 'procedural', 'question', 'followup', 'answer'] as const;
export type SpeechType = (typeof SPEECH_TYPES)[number];

/** Types a delegate may ask for themselves; `answer` is given by the chair to an official. */
export const REQUESTABLE_SPEECH_TYPES = ['contribution', 'reply', 'procedural', 'question', 'followup'] as const satisfies readonly SpeechType[];

export const SPEECH_STATUSES = ['waiting', 'speaking', 'done', 'withdrawn'] as const;
export type SpeechStatus = (typeof SPEECH_STATUSES)[number];

/** Speaking time in seconds per type. */
export type SpeakingTimes = Record<SpeechType, number>;

/** Council defaults when neither the council nor the meeting set their own. */
export const DEFAULT_SPEAKING_TIMES: SpeakingTimes = {
  contribution: 7 * 60,
  reply: 3 * 60,
  procedural: 60,
  question: 3 * 60,
  followup: 60,
  answer: 5 * 60,
};

/** Seconds before the end at which the countdown turns amber. */
export const SPEECH_WARNING_SECONDS = 30;

const seconds = z.number().int().min(10, 'At least 10 seconds').max(60 * 60, 'At most one hour');
export const speakingTimesRequest = z.object({
  contribution: seconds,
  reply: seconds,
  procedural: seconds,
  question: seconds,
  followup: seconds,
  answer: seconds,
});
export type SpeakingTimesRequest = z.infer<typeof speakingTimesRequest>;

export interface SpeakingTimesInfo {
  times: SpeakingTimes;
  /** Where they come from: the meeting's own, the council's defaults, or hopso's. */
  source: 'meeting' | 'council' | 'default';
}

/** Which paragraph of a document the speaker will speak on. */
export const speechAnchorSchema = z.object({ documentId: z.string().uuid(), paragraphId: z.string().uuid() });
export type SpeechAnchorRequest = z.infer<typeof speechAnchorSchema>;

export interface SpeechAnchor {
  documentId: string;
  documentTitle: string;
  paragraphId: string;
  paragraphIndex: number;
  page: number;
}

export const requestFloorRequest = z
  .object({
    clientId: z.string().uuid(),
    type: z.enum(REQUESTABLE_SPEECH_TYPES),
    /** For a reply (tranh luận): the earlier speech it answers. */
    replyToSpeechId: z.string().uuid().nullable().default(null),
    anchor: speechAnchorSchema.nullable().default(null),
    /** For chất vấn: the issue open in the hall. */
    questionIssueId: z.string().uuid().nullable().default(null),
  })
  .refine((r) => r.type !== 'reply' || r.replyToSpeechId !== null, { message: 'A reply names the earlier speaker it answers', path: ['replyToSpeechId'] });
export type RequestFloorRequest = z.infer<typeof requestFloorRequest>;

/** The chair adds someone who raised a hand in the hall (or the official who answers). */
export const addSpeakerRequest = z
  .object({
    userId: z.string().uuid(),
    type: z.enum(SPEECH_TYPES),
    replyToSpeechId: z.string().uuid().nullable().default(null),
    questionIssueId: z.string().uuid().nullable().default(null),
  })
  .refine((r) => r.type !== 'reply' || r.replyToSpeechId !== null, { message: 'A reply names the earlier speaker it answers', path: ['replyToSpeechId'] });
export type AddSpeakerRequest = z.infer<typeof addSpeakerRequest>;

/** The complete new order of the waiting speakers, against the list version the chair saw. */
export const reorderSpeakersRequest = z.object({
  version: z.number().int().min(0),
  speechIds: z.array(z.string().uuid()).max(500),
});
export type ReorderSpeakersRequest = z.infer<typeof reorderSpeakersRequest>;

export const closeSpeakersListRequest = z.object({ closed: z.boolean() });
export type CloseSpeakersListRequest = z.infer<typeof closeSpeakersListRequest>;

export const extendSpeechRequest = z.object({ seconds: z.number().int().min(10).max(30 * 60) });
export type ExtendSpeechRequest = z.infer<typeof extendSpeechRequest>;

export interface Speech {
  id: string;
  meetingId: string;
  agendaItemId: string;
  userId: string;
  name: string;
  /** Constituency or tổ (from the participant list). */
  unit: string;
  type: SpeechType;
  status: SpeechStatus;
  replyTo: { speechId: string; name: string } | null;
  anchor: SpeechAnchor | null;
  questionIssueId: string | null;
  /** Added by the chair from the hall, not requested from a phone. */
  addedByChair: boolean;
  requestedAt: string;
  allottedSeconds: number;
  extraSeconds: number;
  /** Server-stamped: every screen counts down from these. */
  startedAt: string | null;
  /** Set while the chair has paused the speech; the time paused is not counted. */
  pausedAt: string | null;
  /** Seconds paused before (not counting a pause under way). */
  pausedSeconds: number;
  endedAt: string | null;
  durationSeconds: number | null;
  overrunSeconds: number | null;
}

export interface OpenQuestionIssue {
  id: string;
  title: string;
  positionTitle: string;
  officialName: string | null;
}

/** One agenda item's speakers list. */
export interface SpeakersList {
  meetingId: string;
  agendaItemId: string;
  /** Bumped on every change: a reorder against an older version is refused. */
  version: number;
  /** Closed to new requests from phones; the chair may still add someone. */
  closed: boolean;
  waiting: Speech[];
  /** The speech under way in the meeting, if it belongs to this item. */
  current: Speech | null;
  done: Speech[];
  times: SpeakingTimes;
  /** The chất vấn issue the chair has opened in the hall, if any. */
  openIssue: OpenQuestionIssue | null;
  /** The server's clock when this was sent, so a screen can correct its own. */
  serverNow: string;
}

export interface SpeakerTotal {
  userId: string;
  name: string;
  unit: string;
  speeches: number;
  seconds: number;
  overrunSeconds: number;
}

/** The record of the meeting's speeches (feeds the minutes). */
export interface SpeechRecord {
  meetingId: string;
  speeches: Speech[];
  totals: SpeakerTotal[];
}

export type CountdownSpeech = Pick<Speech, 'startedAt' | 'allottedSeconds' | 'extraSeconds'> & Partial<Pick<Speech, 'pausedAt' | 'pausedSeconds'>>;

/** Remaining seconds of a running speech at `nowMs` (server time); negative once past the time. A paused speech stands still. */
export function remainingSeconds(speech: CountdownSpeech, nowMs: number): number {
  if (!speech.startedAt) return speech.allottedSeconds + speech.extraSeconds;
  const start = Date.parse(speech.startedAt);
  const end = start + (speech.allottedSeconds + speech.extraSeconds + (speech.pausedSeconds ?? 0)) * 1000;
  // a screen's clock estimate can sit a few milliseconds before the server's stamp: never count above the time given
  const at = Math.max(start, speech.pausedAt ? Date.parse(speech.pausedAt) : nowMs);
  return Math.min(speech.allottedSeconds + speech.extraSeconds, Math.ceil((end - at) / 1000));
}

export type CountdownTone = 'normal' | 'warning' | 'over';
export const countdownTone = (remaining: number): CountdownTone => (remaining < 0 ? 'over' : remaining <= SPEECH_WARNING_SECONDS ? 'warning' : 'normal');
