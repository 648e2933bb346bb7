import { z } from 'zod';
import type { MeetingRole } from './roles';
import { PASS_RULES, type PassRule, type Vote } from './votes';

/** Attendance (điểm danh) per sitting (phiên), quorum, council seats and voting rights. */
export const ATTENDANCE_STATUSES = ['hall', 'online', 'absent'] as const;
/** có mặt tại hội trường / tham dự trực tuyến / vắng mặt. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const QUORUM_RULES = ['two_thirds_of_seats', 'majority_of_seats'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

export const SITTING_STATUSES = ['planned', 'open', 'closed'] as const;
export type SittingStatus = (typeof SITTING_STATUSES)[number];

export interface CouncilVotingSettings {
  councilId: string;
  /** tổng số đại biểu: the denominator of every vote. */
  seats: number;
  /** True while the administrator has not set it: the number of delegates (chair included) of the latest meeting. */
  seatsIsDefault: boolean;
  quorumRule: QuorumRule;
  defaultPassRule: PassRule;
}

export const updateVotingSettingsRequest = z.object({
  /** null goes back to the default. */
  seats: z.number().int().min(1, 'At least one seat').max(10_000).nullable().optional(),
  quorumRule: z.enum(QUORUM_RULES).optional(),
  defaultPassRule: z.enum(PASS_RULES).optional(),
});
export type UpdateVotingSettingsRequest = z.infer<typeof updateVotingSettingsRequest>;

export interface Sitting {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  status: SittingStatus;
  openedAt: string | null;
  closedAt: string | null;
  /** Shown on the hall screen for in-hall check-in; only staff and the hall screen get it. */
  checkinCode?: string;
}

export interface Quorum {
  sittingId: string;
  seats: number;
  present: number;
  hall: number;
  online: number;
  absent: number;
  rule: QuorumRule;
  required: number;
  met: boolean;
}

export interface AttendanceEntry {
  userId: string;
  fullName: string;
  unit: string;
  role: MeetingRole;
  votingRight: boolean;
  status: AttendanceStatus | null;
  /** vắng có lý do */
  excused: boolean;
  reason: string;
  source: 'self' | 'secretariat' | null;
  at: string | null;
}

export interface SittingAttendance {
  sitting: Sitting;
  quorum: Quorum;
  entries: AttendanceEntry[];
}

/** A participant's view of the meeting's sittings: each with their own entry, and the quorum of each. */
export interface MySitting {
  sitting: Sitting;
  quorum: Quorum;
  mine: AttendanceEntry | null;
}

export const createSittingRequest = z.object({ title: z.string().trim().min(1, 'Name the sitting').max(200) });
export type CreateSittingRequest = z.infer<typeof createSittingRequest>;

export const checkInRequest = z.object({
  mode: z.enum(['hall', 'online']),
  /** The code on the hall screen, for in-hall check-in. */
  code: z.string().trim().max(12).optional(),
});
export type CheckInRequest = z.infer<typeof checkInRequest>;

export const reportAbsenceRequest = z.object({ reason: z.string().trim().min(2, 'Write the reason').max(500) });
export type ReportAbsenceRequest = z.infer<typeof reportAbsenceRequest>;

export const markAttendanceRequest = z.object({
  entries: z
    .array(
      z.object({
        userId: z.string().uuid(),
        status: z.enum(ATTENDANCE_STATUSES),
        excused: z.boolean().default(false),
        reason: z.string().trim().max(500).default(''),
      }),
    )
    .min(1)
    // a council's list in one request stays well inside the JSON body limit
    .max(500),
});
export type MarkAttendanceRequest = z.infer<typeof markAttendanceRequest>;

export const markRestAbsentRequest = z.object({ excused: z.boolean().default(false), reason: z.string().trim().max(500).default('') });
export type MarkRestAbsentRequest = z.infer<typeof markRestAbsentRequest>;

export const setVotingRightRequest = z.object({ votingRight: z.boolean() });
export type SetVotingRightRequest = z.infer<typeof setVotingRightRequest>;

/** What the hall screen shows of the session day (GET /api/hall/:meetingId/session-day?token=…). */
export interface HallSessionDay {
  meetingId: string;
  sitting: Sitting | null;
  quorum: Quorum | null;
  /** The open vote, else the one staff put on the hall screen. */
  vote: Vote | null;
  seq: number;
}

export function quorumRequired(rule: QuorumRule, seats: number): number {
  return rule === 'two_thirds_of_seats' ? Math.ceil((2 * seats) / 3) : Math.floor(seats / 2) + 1;
}
