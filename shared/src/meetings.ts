import type { ServerMessage } from './server-messages';
import { z } from './zod';
import { MEETING_ROLES, type MeetingRole } from './roles';
import { isoDateTime } from './common';

export const MEETING_STATUSES = ['draft', 'published', 'in_session', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Allowed status moves; anything else is refused. */
export const MEETING_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['published'],
  published: ['draft', 'in_session'],
  in_session: ['closed'],
  closed: [],
};

export const MEETING_KINDS = ['session', 'sitting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

const meetingFields = {
  title: z.string().trim().min(3, 'Title needs at least 3 characters').max(300),
  kind: z.enum(MEETING_KINDS).default('session'),
  location: z.string().trim().max(300).default(''),
  startsAt: isoDateTime,
  /** When delegates may see the documents. */
  releaseAt: isoDateTime,
  /** Last moment delegates may send comments. */
  commentDeadline: isoDateTime,
};

export const createMeetingRequest = z
  .object({ councilId: z.string().uuid(), ...meetingFields })
  // instants, not strings: "…T08:00:00+07:00" is before "…T02:00:00Z" although it sorts after it
  .refine((m) => Date.parse(m.commentDeadline) >= Date.parse(m.releaseAt), {
    message: 'The comment deadline must be after the release time',
    path: ['commentDeadline'],
  });
export type CreateMeetingRequest = z.infer<typeof createMeetingRequest>;

export const updateMeetingRequest = z.object({
  title: meetingFields.title.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  location: z.string().trim().max(300).optional(),
  startsAt: isoDateTime.optional(),
  releaseAt: isoDateTime.optional(),
  commentDeadline: isoDateTime.optional(),
});
export type UpdateMeetingRequest = z.infer<typeof updateMeetingRequest>;

export const changeMeetingStatusRequest = z.object({ status: z.enum(MEETING_STATUSES) });
export type ChangeMeetingStatusRequest = z.infer<typeof changeMeetingStatusRequest>;

export interface MeetingSummary {
  id: string;
  councilId: string;
  councilName: string;
  /** The council's time zone: the meeting's dates are shown in it. */
  councilTimeZone: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  location: string;
  startsAt: string;
  releaseAt: string;
  commentDeadline: string;
  /** The caller's role in this meeting (null for an administrator who is not a participant). */
  myRole: MeetingRole | null;
  /** Whether documents are visible to delegates now. */
  released: boolean;
  /** The agenda item under discussion, set by the chair. */
  currentAgendaItemId: string | null;
}

export interface MeetingDetail extends MeetingSummary {
  agenda: AgendaItem[];
}

// ---- agenda ----

export const agendaItemFields = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(500),
  description: z.string().trim().max(5000).default(''),
  presenter: z.string().trim().max(200).default(''),
  plannedMinutes: z.number().int().min(0).max(24 * 60).default(0),
});
export const createAgendaItemRequest = agendaItemFields;
export type CreateAgendaItemRequest = z.infer<typeof createAgendaItemRequest>;
export const updateAgendaItemRequest = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(500).optional(),
  description: z.string().trim().max(5000).optional(),
  presenter: z.string().trim().max(200).optional(),
  plannedMinutes: z.number().int().min(0).max(24 * 60).optional(),
});
export type UpdateAgendaItemRequest = z.infer<typeof updateAgendaItemRequest>;

/** The complete new order: every item id of the meeting exactly once. */
export const reorderAgendaRequest = z.object({ itemIds: z.array(z.string().uuid()).min(1).max(500) });
export type ReorderAgendaRequest = z.infer<typeof reorderAgendaRequest>;

export interface AgendaItem {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  description: string;
  presenter: string;
  plannedMinutes: number;
}

// ---- participants ----

export const addParticipantRequest = z.object({
  userId: z.string().uuid(),
  role: z.enum(MEETING_ROLES),
});
export type AddParticipantRequest = z.infer<typeof addParticipantRequest>;

export const changeParticipantRoleRequest = z.object({ role: z.enum(MEETING_ROLES) });
export type ChangeParticipantRoleRequest = z.infer<typeof changeParticipantRoleRequest>;

export interface Participant {
  userId: string;
  fullName: string;
  username: string;
  phone: string | null;
  role: MeetingRole;
  /** Unit or constituency, from the import (e.g. "Tổ đại biểu số 2"). */
  unit: string;
}

/** Result of importing a delegate list (CSV or XLSX): good rows are kept, bad rows reported by line. */
export interface ParticipantImportResult {
  added: number;
  updated: number;
  /** New accounts with their one-time initial passwords, to hand to each person. */
  createdAccounts: { fullName: string; username: string; initialPassword: string }[];
  /** `message` in English for logs and API clients; `code` and `params` for the person's language. */
  errors: ({ line: number; message: string } & ServerMessage)[];
}
