import type { AppNotification } from './notifications';
import { z } from './zod';
import type { AgendaItem, MeetingStatus, MeetingSummary } from './meetings';
import type { MeetingRole } from './roles';
import type { Comment } from './comments';
import type { DocumentSummary } from './documents';
import type { Breakout, GroupMessage } from './breakouts';
import type { AttendanceEntry, Quorum, Sitting } from './attendance';
import type { BallotReceipt, Vote, VoteTally } from './votes';
import type { SpeakersList } from './speakers';
import type { MinutesSummary } from './records';

/**
 * Everything the server broadcasts about a meeting is a MeetingEvent with a
 * per-meeting sequence number from the database. A client remembers the last
 * `seq` it saw and, after a reconnect, asks for what came after it
 * (GET /api/meetings/:id/events?after=N or the `events:catchup` socket event).
 * Each socket gets its events in sequence order, each once, however many writes are
 * in flight; numbers the person may not see are never sent, so gaps are normal. Live
 * events, catch-up and REST show a person exactly the same things (one rule on the server).
 */
export interface MeetingEventPayloads {
  'comment.created': { comment: Comment };
  'comment.updated': { comment: Comment };
  'meeting.updated': { meetingId: string; status: MeetingStatus; currentAgendaItemId: string | null };
  'agenda.changed': { meetingId: string; agenda: AgendaItem[] };
  'document.changed': { document: DocumentSummary };
  /** Groups made, started, ended, reports saved: everyone sees the groups (not their messages). */
  'breakout.changed': { breakout: Breakout };
  /** To the group's members and to the staff only. */
  'group.message': { message: GroupMessage };
  /** The meeting's details were edited (title, times, place): every screen showing them follows. */
  'meeting.edited': { meeting: MeetingEdit };
  /** Someone was added, given another role or removed (role null); phone numbers never travel here. */
  'participant.changed': { meetingId: string; userId: string; role: MeetingRole | null };
  /** A sitting created, opened or closed (never its check-in code). */
  'sitting.changed': { sitting: Sitting; quorum: Quorum };
  /** Everyone: present / seats. */
  'quorum.changed': { quorum: Quorum };
  /** Staff and the person concerned: their attendance entries. */
  'attendance.changed': { sittingId: string; entries: AttendanceEntry[] };
  /** Drafts to staff; open and closed votes (with the result) to everyone. */
  'vote.changed': { vote: Vote };
  /** How many have voted, never how: coalesced while the vote is open. */
  'vote.tally': { tally: VoteTally };
  /** The speakers list of one agenda item changed (request, withdraw, order, start, stop, extra time): everyone, the hall screen too. */
  'speakers.changed': { list: SpeakersList };
  /**
   * Chất vấn changed: to the staff and to the people concerned (authors, the official). It carries
   * only ids: each client reads what it may see through REST.
   */
  'questions.changed': { meetingId: string; issueId: string | null; questionId: string | null };
  /** Staff only: a hall display link was created or revoked (the list, never a token, is read through REST). */
  'displayLinks.changed': { meetingId: string };
  /** Staff only: a draft vote was deleted before it opened (drafts are the staff's alone). */
  'vote.deleted': { meetingId: string; voteId: string };
  /**
   * Minutes drafted, edited, submitted, returned, approved: to the staff (the chair sees each submission)
   * at every step; to the other participants only once final, as GET /minutes shows them.
   */
  'minutes.changed': { minutes: MinutesSummary };
  /** The document as it was just before the staff deleted it (see DocumentVersionsService). */
  'document.deleted': { document: DocumentSummary };
}

/** The meeting's own editable details, as MeetingSummary shows them. */
export type MeetingEdit = { meetingId: string } & Pick<MeetingSummary, 'title' | 'kind' | 'location' | 'startsAt' | 'releaseAt' | 'commentDeadline'>;
export type MeetingEventType = keyof MeetingEventPayloads;

export type MeetingEvent = {
  [T in MeetingEventType]: { meetingId: string; seq: number; type: T; at: string; payload: MeetingEventPayloads[T] };
}[MeetingEventType];

/** Who may see presence: staff see who is online now. */
export interface PresenceSnapshot {
  meetingId: string;
  onlineUserIds: string[];
}

export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** How many socket requests (join, leave, catch-up) one socket and one person may send: a burst, then a steady rate. */
export const SOCKET_RATE_LIMITS = {
  perSocket: { burst: 30, perSecond: 10 },
  perUser: { burst: 60, perSecond: 20 },
} as const;

export const joinMeetingPayload = z.object({ meetingId: z.string().uuid() });
export type JoinMeetingPayload = z.infer<typeof joinMeetingPayload>;
export const catchupPayload = z.object({ meetingId: z.string().uuid(), after: z.number().int().min(0) });
export type CatchupPayload = z.infer<typeof catchupPayload>;
export const eventsQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

export interface JoinedMeeting {
  meetingId: string;
  /** The newest sequence number now: a fresh client starts from here. */
  seq: number;
  staff: boolean;
}

/** Socket.IO generics, server → client. */
export interface ServerToClientEvents {
  'meeting:event': (event: MeetingEvent) => void;
  'presence': (snapshot: PresenceSnapshot) => void;
  /** Sent just before the server removes the socket from a meeting's rooms (participant removed, link revoked). */
  'meeting:removed': (info: { meetingId: string }) => void;
  /**
   * To the user rooms of the people a chất vấn change concerns, ids only: an official follows no
   * meeting stream (they may see none of its events), so this is how their desk knows to read again.
   */
  'questions:changed': (info: { meetingId: string }) => void;
  /** To the person's own user room: a new notification, exactly as GET /notifications shows it to them. */
  'notification:new': (notification: AppNotification) => void;
}

/** Socket.IO generics, client → server. Every handler answers with an Ack. */
export interface ClientToServerEvents {
  'meeting:join': (payload: JoinMeetingPayload, ack: (res: Ack<JoinedMeeting>) => void) => void;
  'meeting:leave': (payload: JoinMeetingPayload, ack: (res: Ack) => void) => void;
  'events:catchup': (payload: CatchupPayload, ack: (res: Ack<MeetingEvent[]>) => void) => void;
  /** A ballot, answered at once; never queued offline (see shared/src/votes.ts castBallotPayload). */
  'vote:cast': (payload: unknown, ack: (res: Ack<BallotReceipt>) => void) => void;
}

// ---- chair console ----
export const setCurrentItemRequest = z.object({ agendaItemId: z.string().uuid().nullable() });
export type SetCurrentItemRequest = z.infer<typeof setCurrentItemRequest>;

// ---- hall screen display links ----
export interface DisplayLink {
  id: string;
  meetingId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** Only in the response that creates it: the token is not stored, only its hash. */
  url?: string;
}
export const createDisplayLinkRequest = z.object({ label: z.string().trim().max(100).default('Màn hình hội trường') });
export type CreateDisplayLinkRequest = z.infer<typeof createDisplayLinkRequest>;

/** What the hall screen shows (GET /api/hall/:meetingId?token=…). */
export interface HallState {
  meetingId: string;
  councilName: string;
  /** The council's IANA zone: the hall's clock and times are on it. */
  councilTimeZone: string;
  title: string;
  status: MeetingStatus;
  location: string;
  startsAt: string;
  currentAgendaItemId: string | null;
  agenda: AgendaItem[];
  /** Breakout groups (names, members, reports; never their messages), shown during and after a breakout. */
  breakouts: Breakout[];
  seq: number;
}

// ---- secretariat desk ----
export const commentFilters = z.object({
  agendaItemId: z.string().uuid().optional(),
  documentId: z.string().uuid().optional(),
  paragraphId: z.string().uuid().optional(),
  status: z.enum(['sent', 'received', 'accepted', 'answered', 'declined']).optional(),
  authorId: z.string().uuid().optional(),
  q: z.string().trim().max(200).optional(),
});
export type CommentFilters = z.infer<typeof commentFilters>;

/** Comments per paragraph of a document's current version, for the heat strip. */
export interface ParagraphCommentCount {
  paragraphId: string;
  paragraphIndex: number;
  page: number;
  /** The paragraph's place in the legal text ("Điều 2, khoản 1"), null without such structure. */
  label: string | null;
  count: number;
}

export const REPORT_FORMATS = ['csv', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
