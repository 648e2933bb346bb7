import { z } from 'zod';
import { isoDateTime } from './common';
import type { Speech } from './speakers';

/**
 * Chất vấn: delegates send written questions (phiếu chất vấn) to an official's position before a
 * deadline; the Thường trực groups them by issue and assigns each issue to the official who answers
 * (in the hall, or in writing within a deadline, default 20 days); delegates follow up (chất vấn lại).
 */
export const DEFAULT_ANSWER_DAYS = 20;
export const QUESTION_MAX_LENGTH = 4000;

export const questionSettingsRequest = z.object({
  /** Last moment delegates may send questions; null = no questions taken yet. */
  submitDeadline: isoDateTime.nullable(),
  answerDays: z.number().int().min(1).max(365).default(DEFAULT_ANSWER_DAYS),
});
export type QuestionSettingsRequest = z.infer<typeof questionSettingsRequest>;

export interface QuestionSettings {
  meetingId: string;
  submitDeadline: string | null;
  answerDays: number;
  /** Whether questions are taken now. */
  open: boolean;
}

/** An official's position questions are addressed to (e.g. "Chủ tịch UBND xã"), and who holds it in this meeting. */
export const createPositionRequest = z.object({
  title: z.string().trim().min(2, 'Name the position').max(200),
  officialUserId: z.string().uuid().nullable().default(null),
});
export type CreatePositionRequest = z.infer<typeof createPositionRequest>;
export const updatePositionRequest = z.object({
  title: z.string().trim().min(2, 'Name the position').max(200).optional(),
  officialUserId: z.string().uuid().nullable().optional(),
});
export type UpdatePositionRequest = z.infer<typeof updatePositionRequest>;

export interface OfficialPosition {
  id: string;
  meetingId: string;
  title: string;
  officialUserId: string | null;
  officialName: string | null;
}

export const questionRefSchema = z.object({ documentId: z.string().uuid(), paragraphId: z.string().uuid().nullable().default(null) });

export const submitQuestionRequest = z.object({
  clientId: z.string().uuid(),
  positionId: z.string().uuid(),
  body: z.string().trim().min(10, 'Write the question (at least 10 characters)').max(QUESTION_MAX_LENGTH, `At most ${QUESTION_MAX_LENGTH} characters`),
  refs: z.array(questionRefSchema).max(10).default([]),
});
export type SubmitQuestionRequest = z.infer<typeof submitQuestionRequest>;

export interface QuestionRef {
  documentId: string;
  documentTitle: string;
  paragraphId: string | null;
  paragraphIndex: number | null;
}

export const ISSUE_STATUSES = ['pending', 'in_hall', 'answered_in_hall', 'answered_in_writing'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export interface Question {
  id: string;
  meetingId: string;
  positionId: string;
  positionTitle: string;
  authorId: string;
  authorName: string;
  /** The author and the authors of every duplicate merged into this question. */
  authors: { userId: string; name: string }[];
  body: string;
  refs: QuestionRef[];
  issueId: string | null;
  /** Set when merged into another question as a duplicate (its author is kept there). */
  mergedIntoId: string | null;
  createdAt: string;
}

export interface IssueMessage {
  id: string;
  kind: 'answer' | 'followup';
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface QuestionIssue {
  id: string;
  meetingId: string;
  title: string;
  positionId: string;
  positionTitle: string;
  officialUserId: string | null;
  officialName: string | null;
  selectedForHall: boolean;
  status: IssueStatus;
  /** What the official promised in the hall; it needs a written answer too. */
  commitment: string | null;
  answerDueAt: string;
  /** A written answer is still owed (not answered in the hall, or a commitment made, or a follow-up unanswered). */
  needsWrittenAnswer: boolean;
  overdue: boolean;
  /**
   * Answers are followed up until the next session (kỳ họp) of the council: its start, once one is
   * scheduled (published), else null. From then on the issue takes no more follow-ups.
   */
  followUpUntil: string | null;
  followUpClosed: boolean;
  questions: Question[];
  /** Written answers and follow-ups, oldest first. */
  messages: IssueMessage[];
}

/** What staff see: everything. */
export interface QuestionsBoard {
  settings: QuestionSettings;
  positions: OfficialPosition[];
  /** Questions not yet in an issue. */
  ungrouped: Question[];
  issues: QuestionIssue[];
}

/** What a delegate sees: the positions they can address, and their own questions with their issue's answers. */
export interface MyQuestions {
  settings: QuestionSettings;
  positions: OfficialPosition[];
  questions: (Question & { issue: QuestionIssue | null })[];
}

/** What an official (người trả lời chất vấn) sees: only what is addressed to them. */
export interface OfficialDesk {
  meeting: { id: string; title: string; councilName: string; startsAt: string; location: string };
  positions: OfficialPosition[];
  issues: QuestionIssue[];
  /** The official's own turn to answer in the hall (waiting or under way), for their countdown. */
  mySpeech: Speech | null;
  /** The server's clock when this was read. */
  serverNow: string;
}

export const createIssueRequest = z.object({
  title: z.string().trim().min(3, 'Name the issue').max(300),
  positionId: z.string().uuid(),
  questionIds: z.array(z.string().uuid()).min(1, 'Choose at least one question').max(200),
  selectedForHall: z.boolean().default(false),
});
export type CreateIssueRequest = z.infer<typeof createIssueRequest>;

export const updateIssueRequest = z.object({
  title: z.string().trim().min(3, 'Name the issue').max(300).optional(),
  positionId: z.string().uuid().optional(),
  /** Questions to add to the issue (taken out of any other issue). */
  addQuestionIds: z.array(z.string().uuid()).max(200).optional(),
  selectedForHall: z.boolean().optional(),
  answerDueAt: isoDateTime.optional(),
});
export type UpdateIssueRequest = z.infer<typeof updateIssueRequest>;

export const mergeQuestionRequest = z.object({ intoQuestionId: z.string().uuid() });
export type MergeQuestionRequest = z.infer<typeof mergeQuestionRequest>;

/** The chair closes the issue in the hall: answered there or not, and any commitment made. */
export const closeIssueRequest = z.object({
  answeredInHall: z.boolean(),
  commitment: z.string().trim().max(QUESTION_MAX_LENGTH).nullable().default(null),
});
export type CloseIssueRequest = z.infer<typeof closeIssueRequest>;

export const issueMessageRequest = z.object({
  clientId: z.string().uuid(),
  body: z.string().trim().min(10, 'Write at least 10 characters').max(QUESTION_MAX_LENGTH * 2, `At most ${QUESTION_MAX_LENGTH * 2} characters`),
});
export type IssueMessageRequest = z.infer<typeof issueMessageRequest>;

/** Exports: the questions by issue (the chair's preparation), or the follow-up report (questions, answers, commitments, status). */
export const QUESTION_REPORT_KINDS = ['questions', 'followup'] as const;
export type QuestionReportKind = (typeof QUESTION_REPORT_KINDS)[number];
export const questionReportQuery = z.object({
  kind: z.enum(QUESTION_REPORT_KINDS, { message: 'kind must be questions or followup' }),
  format: z.enum(['docx', 'pdf'], { message: 'format must be docx or pdf' }),
});
export type QuestionReportQuery = z.infer<typeof questionReportQuery>;
