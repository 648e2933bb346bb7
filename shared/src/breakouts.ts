import { z } from './zod';

/** Breakout discussion groups (tổ thảo luận) for one agenda item. */
export const BREAKOUT_STATUSES = ['prepared', 'running', 'ended'] as const;
export type BreakoutStatus = (typeof BREAKOUT_STATUSES)[number];

export interface BreakoutGroupReport {
  text: string;
  submittedAt: string | null;
  updatedAt: string;
}

export interface BreakoutGroup {
  id: string;
  meetingId: string;
  agendaItemId: string;
  name: string;
  /** Tổ trưởng: writes and submits the group's report. */
  leaderId: string | null;
  memberIds: string[];
  documentIds: string[];
  report: BreakoutGroupReport | null;
  messageCount: number;
  lastMessageAt: string | null;
}

export interface Breakout {
  meetingId: string;
  agendaItemId: string;
  status: BreakoutStatus;
  startedAt: string | null;
  endedAt: string | null;
  /** When the group discussion is due to end (the chair's countdown, held by the server); null: no countdown. */
  endsAt: string | null;
  /** Staff see every group; a delegate sees the groups they belong to. */
  groups: BreakoutGroup[];
}

const groupFields = {
  name: z.string().trim().min(1, 'Name the group').max(100),
  leaderId: z.string().uuid().nullable().default(null),
  memberIds: z.array(z.string().uuid()).max(500).default([]),
  documentIds: z.array(z.string().uuid()).max(100).default([]),
};

/** Groups prepared by hand. Replaces any groups the item had, while the breakout has not started. */
export const prepareBreakoutRequest = z.object({
  agendaItemId: z.string().uuid(),
  groups: z.array(z.object(groupFields)).min(1, 'Create at least one group').max(50),
});
export type PrepareBreakoutRequest = z.infer<typeof prepareBreakoutRequest>;

/** Groups made automatically: the delegates present split into N groups whose sizes differ by at most one. */
export const autoSplitRequest = z.object({
  agendaItemId: z.string().uuid(),
  groupCount: z.number().int().min(1).max(50),
  /** The delegates present (e.g. those online now); all the meeting's delegates when omitted. */
  presentUserIds: z.array(z.string().uuid()).max(2000).optional(),
  documentIds: z.array(z.string().uuid()).max(100).default([]),
});
export type AutoSplitRequest = z.infer<typeof autoSplitRequest>;

export const updateBreakoutGroupRequest = z.object({
  name: groupFields.name.optional(),
  leaderId: z.string().uuid().nullable().optional(),
  memberIds: z.array(z.string().uuid()).max(500).optional(),
  documentIds: z.array(z.string().uuid()).max(100).optional(),
});
export type UpdateBreakoutGroupRequest = z.infer<typeof updateBreakoutGroupRequest>;

export const breakoutItemRequest = z.object({ agendaItemId: z.string().uuid() });
export type BreakoutItemRequest = z.infer<typeof breakoutItemRequest>;

/** The chair's countdown for a running group discussion: minutes from now, or null to take it away. */
export const breakoutCountdownRequest = z.object({
  agendaItemId: z.string().uuid(),
  minutes: z.number().int().min(1).max(240).nullable(),
});
export type BreakoutCountdownRequest = z.infer<typeof breakoutCountdownRequest>;

/** Seconds left of a group discussion's countdown on the given clock (0 once due); null without a countdown. */
export function breakoutSecondsLeft(breakout: Pick<Breakout, 'status' | 'endsAt'>, nowMs: number): number | null {
  if (breakout.status !== 'running' || !breakout.endsAt) return null;
  return Math.max(0, Math.ceil((Date.parse(breakout.endsAt) - nowMs) / 1000));
}

export const citationSchema = z.object({ documentId: z.string().uuid(), paragraphId: z.string().uuid() });
export type Citation = z.infer<typeof citationSchema>;

export const postGroupMessageRequest = z.object({
  clientId: z.string().uuid(),
  body: z.string().trim().min(1, 'Write a message').max(5000),
  citation: citationSchema.nullable().default(null),
});
export type PostGroupMessageRequest = z.infer<typeof postGroupMessageRequest>;

export interface GroupMessage {
  id: string;
  clientId: string;
  groupId: string;
  authorId: string;
  authorName: string;
  body: string;
  /** A paragraph the message cites; tapping it opens the document there. */
  citation: (Citation & { paragraphIndex: number; page: number; excerpt: string }) | null;
  createdAt: string;
}

export const saveGroupReportRequest = z.object({
  text: z.string().trim().max(20_000),
  submit: z.boolean().default(false),
});
export type SaveGroupReportRequest = z.infer<typeof saveGroupReportRequest>;
