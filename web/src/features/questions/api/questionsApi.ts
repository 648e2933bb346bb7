import type {
  CloseIssueRequest,
  CreateIssueRequest,
  CreatePositionRequest,
  IssueMessageRequest,
  MyQuestions,
  OfficialDesk,
  OfficialPosition,
  Question,
  QuestionIssue,
  QuestionSettings,
  QuestionReportQuery,
  QuestionSettingsRequest,
  QuestionsBoard,
  SubmitQuestionRequest,
  UpdateIssueRequest,
  UpdatePositionRequest,
} from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';
import { fetchFile } from '../../../lib/download';
import { withServerTime } from '../../speakers/lib/serverClock';

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
const issue = (id: string) => `/api/question-issues/${encodeURIComponent(id)}`;

/** Chất vấn: delegates ask, the secretariat groups and assigns, the official answers. */
export const questionsApi = {
  board: (meetingId: string) => apiClient.get<QuestionsBoard>(`${meeting(meetingId)}/questions/board`),
  mine: (meetingId: string) => apiClient.get<MyQuestions>(`${meeting(meetingId)}/questions/mine`),
  official: (meetingId: string) => withServerTime(() => apiClient.get<OfficialDesk>(`${meeting(meetingId)}/questions/official`)),
  submit: (meetingId: string, body: SubmitQuestionRequest) => apiClient.post<Question>(`${meeting(meetingId)}/questions`, body),
  settings: (meetingId: string, body: QuestionSettingsRequest) => apiClient.put<QuestionSettings>(`${meeting(meetingId)}/question-settings`, body),
  createPosition: (meetingId: string, body: CreatePositionRequest) => apiClient.post<OfficialPosition>(`${meeting(meetingId)}/question-positions`, body),
  updatePosition: (positionId: string, body: UpdatePositionRequest) => apiClient.patch<OfficialPosition>(`/api/question-positions/${encodeURIComponent(positionId)}`, body),
  merge: (questionId: string, intoQuestionId: string) => apiClient.post<QuestionsBoard>(`/api/questions/${encodeURIComponent(questionId)}/merge`, { intoQuestionId }),
  createIssue: (meetingId: string, body: CreateIssueRequest) => apiClient.post<QuestionIssue>(`${meeting(meetingId)}/question-issues`, body),
  updateIssue: (issueId: string, body: UpdateIssueRequest) => apiClient.patch<QuestionIssue>(issue(issueId), body),
  open: (issueId: string) => apiClient.post<QuestionIssue>(`${issue(issueId)}/open`),
  close: (issueId: string, body: CloseIssueRequest) => apiClient.post<QuestionIssue>(`${issue(issueId)}/close`, body),
  message: (issueId: string, body: IssueMessageRequest) => apiClient.post<QuestionIssue>(`${issue(issueId)}/messages`, body),
  report: (meetingId: string, q: QuestionReportQuery) => fetchFile(`${meeting(meetingId)}/questions/report?${new URLSearchParams(q).toString()}`, `chat-van.${q.format}`),
};
