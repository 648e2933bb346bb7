import type { Queryable } from '../common/queryable';
import { groupQuestionsIntoIssue, insertHallIssue, insertOfficialPosition, insertQuestion, insertQuestionSettings } from './demo.repository';

/**
 * Chất vấn in the demo: two positions (one with its official, one still without), a question
 * deadline before the session, three written questions, two of them grouped into an issue.
 */
export async function seedDemoQuestions(db: Queryable, meetingId: string, userIdOf: (username: string) => string, deadline: Date): Promise<void> {
  await insertQuestionSettings(db, meetingId, deadline, 20);
  const chairmanId = await insertOfficialPosition(db, meetingId, 'Chủ tịch UBND xã', userIdOf('chutichubnd'));
  await insertOfficialPosition(db, meetingId, 'Trưởng Công an xã', null);
  const ask = (username: string, body: string): Promise<string> => insertQuestion(db, meetingId, userIdOf(username), chairmanId, body);
  const roadA = await ask('daibieu01', 'Đề nghị Chủ tịch UBND xã cho biết tiến độ nâng cấp đường liên thôn Đông – Tây và thời điểm hoàn thành?');
  const roadB = await ask('daibieu02', 'Tuyến đường liên thôn Đông – Tây thi công chậm, gây bụi và mất an toàn giao thông; UBND xã có giải pháp gì?');
  await ask('daibieu03', 'Việc chi trả hỗ trợ cho hộ nghèo năm 2026 đã thực hiện đến đâu, còn bao nhiêu hộ chưa nhận?');
  const issueId = await insertHallIssue(db, meetingId, 'Tiến độ nâng cấp đường liên thôn Đông – Tây', chairmanId, 20);
  await groupQuestionsIntoIssue(db, issueId, [roadA, roadB]);
}
