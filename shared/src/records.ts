import { z } from 'zod';
import { uuid } from './common';
import type { VoteResult } from './votes';

/** Documents of record: the meeting-wide reports, the minutes (biên bản) and the adopted resolutions. */

export const RECORD_FORMATS = ['docx', 'pdf'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export const recordFileQuery = z.object({ format: z.enum(RECORD_FORMATS, { message: 'format must be docx or pdf' }) });
export type RecordFileQuery = z.infer<typeof recordFileQuery>;

/** The meeting-wide synthesis report: named or anonymised delegates, the whole meeting or one document. */
export const synthesisQuery = recordFileQuery.extend({
  anonymous: z.enum(['true', 'false']).default('false'),
  documentId: uuid.optional(),
});
export type SynthesisQuery = z.infer<typeof synthesisQuery>;

/** draft → submitted to the chair → final (approved), or returned with a note (editable again). */
export const MINUTES_STATUSES = ['draft', 'submitted', 'returned', 'final'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

const text = (max: number) => z.string().max(max).default('');

/** What the secretariat writes: the opening, a summary and the chair's conclusion per agenda item, the closing. */
export const minutesContent = z.object({
  opening: text(20_000),
  items: z.record(uuid, z.object({ summary: text(50_000), conclusion: text(20_000) })).default({}),
  closing: text(20_000),
});
export type MinutesContent = z.infer<typeof minutesContent>;

export const createMinutesRequest = z.object({ sittingId: uuid.nullable().default(null) });
export type CreateMinutesRequest = z.infer<typeof createMinutesRequest>;

/** `version` is the one the editor started from: a save over a newer one is refused (CONFLICT). */
export const updateMinutesRequest = z.object({
  version: z.number().int().min(1),
  content: minutesContent,
  /** Stop following the record: the generated parts stay as they are now. */
  freeze: z.boolean().optional(),
});
export type UpdateMinutesRequest = z.infer<typeof updateMinutesRequest>;

export const returnMinutesRequest = z.object({ note: z.string().trim().min(1, 'Ghi chú là bắt buộc').max(5_000) });
export type ReturnMinutesRequest = z.infer<typeof returnMinutesRequest>;

export interface MinutesSpeech {
  name: string;
  unit: string;
  type: string;
  durationSeconds: number;
}

export interface MinutesVote {
  id: string;
  question: string;
  kind: string;
  closedAt: string | null;
  result: VoteResult;
  documentTitle: string | null;
}

export interface MinutesQuestionIssue {
  title: string;
  official: string;
  status: string;
  questions: { authors: string; body: string }[];
  answers: { author: string; kind: 'answer' | 'followup'; body: string }[];
  commitment: string | null;
}

export interface MinutesItemFacts {
  agendaItemId: string;
  position: number;
  title: string;
  presenter: string;
  documents: { id: string; title: string; versionNo: number }[];
  speeches: MinutesSpeech[];
  votes: MinutesVote[];
  groupReports: { groupName: string; text: string; submitted: boolean }[];
}

export interface MinutesSittingFacts {
  id: string;
  title: string;
  openedAt: string | null;
  closedAt: string | null;
  seats: number;
  present: number;
  hall: number;
  online: number;
  absent: { name: string; excused: boolean; reason: string }[];
  quorumMet: boolean;
}

/** Everything the minutes say that hopso recorded itself. */
export interface MinutesFacts {
  councilName: string;
  timeZone: string;
  meetingTitle: string;
  location: string;
  startsAt: string;
  chairs: string[];
  secretaries: string[];
  sittings: MinutesSittingFacts[];
  items: MinutesItemFacts[];
  /** Votes on no agenda item. */
  otherVotes: MinutesVote[];
  questions: MinutesQuestionIssue[];
}

export interface Minutes {
  id: string;
  meetingId: string;
  sittingId: string | null;
  title: string;
  status: MinutesStatus;
  version: number;
  /** The generated parts no longer follow the record. */
  frozen: boolean;
  returnNote: string;
  content: MinutesContent;
  facts: MinutesFacts;
  updatedAt: string;
  finalizedAt: string | null;
}

/** In a list: no facts. */
export type MinutesSummary = Omit<Minutes, 'facts' | 'content'>;

export interface MinutesVersion {
  version: number;
  status: MinutesStatus;
  note: string;
  byName: string;
  at: string;
}

export interface AdoptedResolution {
  documentId: string;
  documentTitle: string;
  versionId: string;
  versionNo: number;
  voteId: string;
  question: string;
  adoptedAt: string;
  result: VoteResult;
}
