import { AUDIT_ACTIONS, COMMENT_STATUSES, ERROR_CODES, HIGHLIGHT_COLORS, MEETING_ROLES, MEETING_STATUSES, VERSION_STATUSES } from '@hopso/shared';
import { dictionaries } from './dictionaries';
import { LANGUAGES } from './language';

type Tree = { [key: string]: unknown };

function leafPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? leafPaths(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('dictionaries', () => {
  it.each(LANGUAGES)('has a non-empty message for every error code in %s', (language) => {
    for (const code of ERROR_CODES) {
      expect(dictionaries[language].errors[code]).toEqual(expect.any(String));
      expect(dictionaries[language].errors[code].length).toBeGreaterThan(10);
    }
  });

  it('names every role, status, version status and audit action in both languages', () => {
    for (const language of LANGUAGES) {
      const t = dictionaries[language];
      for (const role of MEETING_ROLES) expect(t.roles[role]).toBeTruthy();
      for (const status of MEETING_STATUSES) {
        expect(t.meetingStatus[status]).toBeTruthy();
        expect(t.meetingTransition[status]).toBeTruthy();
      }
      for (const status of VERSION_STATUSES) expect(t.versionStatus[status]).toBeTruthy();
      for (const action of AUDIT_ACTIONS) expect(t.audit.actions[action]).toBeTruthy();
      for (const status of COMMENT_STATUSES) expect(t.commentStatus[status]).toBeTruthy();
      for (const color of HIGHLIGHT_COLORS) expect(t.highlightColors[color]).toBeTruthy();
    }
  });

  it('has the same keys in Vietnamese and English', () => {
    expect(leafPaths(dictionaries.en as unknown as Tree)).toEqual(leafPaths(dictionaries.vi as unknown as Tree));
  });

  it('writes the refusal of an encrypted PDF in plain Vietnamese', () => {
    expect(dictionaries.vi.errors.FILE_ENCRYPTED).toBe('Tệp PDF cần mật khẩu mới mở được. Hãy lưu một bản không đặt mật khẩu mở rồi tải lên lại.');
  });

  it('names comment statuses with the glossary pair "tiếp thu, giải trình"', () => {
    expect(dictionaries.vi.commentStatus).toEqual({
      sent: 'Đã gửi',
      received: 'Đã tiếp nhận',
      accepted: 'Đã tiếp thu',
      answered: 'Đã giải trình',
      declined: 'Không tiếp thu',
    });
  });

  it('uses the glossary terms for statuses and roles', () => {
    expect(dictionaries.vi.meetingStatus).toEqual({ draft: 'Bản nháp', published: 'Đã công bố', in_session: 'Đang họp', closed: 'Đã kết thúc' });
    expect(dictionaries.vi.roles).toEqual({ chair: 'Chủ tọa', secretary: 'Thư ký', delegate: 'Đại biểu', observer: 'Khách mời', official: 'Người trả lời chất vấn' });
  });
});
