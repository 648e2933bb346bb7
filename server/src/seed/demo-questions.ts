import type { DataSource } from 'typeorm';

/**
 * Chất vấn in the demo: two positions (one with its official, one still without), a question
 * deadline before the session, three written questions, two of them grouped into an issue.
 */
export async function seedDemoQuestions(db: DataSource, meetingId: string, userIdOf: (username: string) => string, deadline: Date): Promise<void> {
  await db.query('INSERT INTO question_settings (meeting_id, submit_deadline, answer_days) VALUES ($1, $2, 20)', [meetingId, deadline]);
  const [chairman]: { id: string }[] = await db.query(
    `INSERT INTO official_positions (meeting_id, title, official_user_id) VALUES ($1, 'Chủ tịch UBND xã', $2) RETURNING id`,
    [meetingId, userIdOf('chutichubnd')],
  );
  await db.query(`INSERT INTO official_positions (meeting_id, title) VALUES ($1, 'Trưởng Công an xã')`, [meetingId]);
  const ask = async (username: string, body: string): Promise<string> => {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO questions (meeting_id, client_id, author_id, position_id, body) VALUES ($1, gen_random_uuid(), $2, $3, $4) RETURNING id`,
      [meetingId, userIdOf(username), chairman.id, body],
    );
    return row.id;
  };
  const roadA = await ask('daibieu01', 'Đề nghị Chủ tịch UBND xã cho biết tiến độ nâng cấp đường liên thôn Đông – Tây và thời điểm hoàn thành?');
  const roadB = await ask('daibieu02', 'Tuyến đường liên thôn Đông – Tây thi công chậm, gây bụi và mất an toàn giao thông; UBND xã có giải pháp gì?');
  await ask('daibieu03', 'Việc chi trả hỗ trợ cho hộ nghèo năm 2026 đã thực hiện đến đâu, còn bao nhiêu hộ chưa nhận?');
  const [issue]: { id: string }[] = await db.query(
    `INSERT INTO question_issues (meeting_id, title, position_id, selected_for_hall, answer_due_at)
     SELECT $1, 'Tiến độ nâng cấp đường liên thôn Đông – Tây', $2, true, m.starts_at + interval '20 days' FROM meetings m WHERE m.id = $1 RETURNING id`,
    [meetingId, chairman.id],
  );
  await db.query('UPDATE questions SET issue_id = $1 WHERE id = ANY($2)', [issue.id, [roadA, roadB]]);
}
