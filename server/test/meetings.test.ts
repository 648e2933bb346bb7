import ExcelJS from 'exceljs';
import type { AgendaItem, ApiErrorBody, MeetingDetail, Participant, ParticipantImportResult } from '@hopso/shared';
import { blobOf, buildMeetingWorld, login, type MeetingWorld } from './support/api';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;

beforeAll(async () => {
  server = await startServer();
  w = await buildMeetingWorld(server);
});
afterAll(() => server?.stop());

const importFile = (meetingId: string, data: Buffer, name: string) => {
  const form = new FormData();
  form.append('file', blobOf(data), name);
  return w.secretary.request<ParticipantImportResult & { code?: string }>('POST', `/meetings/${meetingId}/participants/import`, form);
};

describe('agenda', () => {
  it('reorders the agenda and keeps positions consecutive after a delete', async () => {
    const path = `/meetings/${w.meeting.id}`;
    const ids = w.agenda.map((a) => a.id);
    const reordered = await w.secretary.put<AgendaItem[]>(`${path}/agenda/order`, { itemIds: [ids[2], ids[0], ids[1]] });
    expect(reordered.body.map((a) => [a.id, a.position])).toEqual([[ids[2], 1], [ids[0], 2], [ids[1], 3]]);
    await w.secretary.delete(`${path}/agenda/${ids[0]}`);
    const after = (await w.delegate.get<MeetingDetail>(path)).body.agenda;
    expect(after.map((a) => [a.id, a.position])).toEqual([[ids[2], 1], [ids[1], 2]]);
  });

  it('refuses an order that misses or repeats items', async () => {
    const path = `/meetings/${w.meeting.id}/agenda/order`;
    const items = (await w.secretary.get<MeetingDetail>(`/meetings/${w.meeting.id}`)).body.agenda;
    const missing = await w.secretary.put<{ code: string }>(path, { itemIds: [items[0].id] });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const repeated = await w.secretary.put(path, { itemIds: [items[0].id, items[0].id] });
    expect(repeated.status).toBe(400);
  });

  it('refuses malformed agenda input with field messages', async () => {
    const res = await w.secretary.post<{ issues: { path: string }[] }>(`/meetings/${w.meeting.id}/agenda`, { title: '', plannedMinutes: -5 });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i) => i.path).sort()).toEqual(['plannedMinutes', 'title']);
  });
});

describe('meetings', () => {
  it('refuses a comment deadline before the release time', async () => {
    const res = await w.secretary.patch<{ code: string }>(`/meetings/${w.meeting.id}`, {
      releaseAt: new Date(Date.now() + 10 * 86400_000).toISOString(),
    });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unchanged = (await w.secretary.get<MeetingDetail>(`/meetings/${w.meeting.id}`)).body;
    expect(unchanged.releaseAt).toBe(w.meeting.releaseAt);
  });

  it('answers malformed ids with 400 and unknown ids with 404, never 500', async () => {
    expect((await w.secretary.get('/meetings/not-a-uuid')).status).toBe(400);
    expect((await w.secretary.get('/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await w.secretary.get('/documents/123/file')).status).toBe(400);
  });

  it('keeps at least one secretary', async () => {
    const res = await w.secretary.delete<{ code: string }>(`/meetings/${w.meeting.id}/participants/${w.ids.secretary}`);
    expect([res.status, res.body.code]).toEqual([409, 'CONFLICT']);
  });
});

describe('importing a delegate list', () => {
  it('adds good CSV rows, reports bad rows by line and creates accounts that can log in', async () => {
    const csv = [
      'Họ và tên,Số điện thoại,Vai trò,Đơn vị',
      'Lò Văn Pảng,0987 111 001,đại biểu,Tổ đại biểu số 1',
      'Sầm Thị Kim,0987111002,,Tổ đại biểu số 2',
      ',0987111003,đại biểu,',
      'Vàng A Dình,12ab,đại biểu,',
      'Giàng Thị Mỷ,0987111004,trưởng thôn,',
      'Lò Văn Pảng,0987111001,đại biểu,',
      'Hà Văn Quý,+84987111005,khách mời,Mặt trận Tổ quốc',
    ].join('\n');
    const res = await importFile(w.meeting.id, Buffer.from('\uFEFF' + csv), 'dai-bieu.csv');
    expect(res.status).toBe(200);
    expect(res.body.added).toBe(3);
    expect(res.body.errors.map((e) => [e.line, e.code, e.params])).toEqual([
      [4, 'IMPORT_NAME_MISSING', undefined],
      [5, 'IMPORT_PHONE_INVALID', { phone: '12' }],
      [6, 'IMPORT_ROLE_UNKNOWN', { role: 'trưởng thôn' }],
      [7, 'IMPORT_PHONE_TWICE', { phone: '0987111001' }],
    ]);
    expect(res.body.errors[2].message).toMatch(/trưởng thôn/); // English for logs and API clients
    expect(res.body.createdAccounts.map((a) => a.username)).toEqual(['lo.van.pang', 'sam.thi.kim', 'ha.van.quy']);
    const people = (await w.secretary.get<Participant[]>(`/meetings/${w.meeting.id}/participants`)).body;
    expect(people.find((p) => p.fullName === 'Hà Văn Quý')).toMatchObject({ role: 'observer', phone: '0987111005', unit: 'Mặt trận Tổ quốc' });
    const account = res.body.createdAccounts[0];
    await expect(login(server, account.username, account.initialPassword)).resolves.toBeDefined();

    // importing again updates instead of duplicating
    const again = await importFile(w.meeting.id, Buffer.from(csv), 'dai-bieu.csv');
    expect([again.body.added, again.body.updated, again.body.createdAccounts.length]).toEqual([0, 3, 0]);
  });

  it('reads an Excel file', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Danh sách');
    sheet.addRow(['STT', 'Họ và tên', 'Số điện thoại', 'Vai trò']);
    sheet.addRow([1, 'Triệu Thị Hằng', '0977000111', 'Đại biểu']);
    sheet.addRow([2, 'Bàn Văn Sinh', '0977000222', 'Thư ký']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await importFile(w.meeting.id, data, 'danh-sach.xlsx');
    expect(res.status).toBe(200);
    expect([res.body.added, res.body.errors.length]).toEqual([2, 0]);
    const people = (await w.secretary.get<Participant[]>(`/meetings/${w.meeting.id}/participants`)).body;
    expect(people.find((p) => p.fullName === 'Bàn Văn Sinh')?.role).toBe('secretary');
  });

  it('refuses a file without the needed columns, and a missing file', async () => {
    const res = await importFile(w.meeting.id, Buffer.from('a,b\n1,2'), 'x.csv');
    expect([res.status, res.body.code]).toEqual([422, 'IMPORT_UNREADABLE']);
    expect((res.body as unknown as ApiErrorBody).detail).toEqual({ code: 'IMPORT_NO_HEADER' });
    const latin1 = await importFile(w.meeting.id, Buffer.from('Họ và tên,Số điện thoại\nLê Thị Ánh,0987000001', 'latin1'), 'x.csv');
    expect((latin1.body as unknown as ApiErrorBody).detail).toEqual({ code: 'IMPORT_NOT_UTF8' });
    const tooMany = await importFile(w.meeting.id, Buffer.from(['Họ và tên,Số điện thoại', ...Array.from({ length: 2001 }, (_, i) => `A,09870${String(i).padStart(5, '0')}`)].join('\n')), 'x.csv');
    expect([tooMany.status, (tooMany.body as unknown as ApiErrorBody).detail]).toEqual([413, { code: 'IMPORT_TOO_MANY_ROWS', params: { max: 2000 } }]);
    const none = await w.secretary.request<{ code: string }>('POST', `/meetings/${w.meeting.id}/participants/import`, new FormData());
    expect([none.status, none.body.code]).toEqual([400, 'FILE_MISSING']);
  });

  it('is refused to delegates', async () => {
    const form = new FormData();
    form.append('file', new Blob(['Họ và tên,Số điện thoại\nA,0987000000']), 'x.csv');
    expect((await w.delegate.request('POST', `/meetings/${w.meeting.id}/participants/import`, form)).status).toBe(403);
  });
});

describe('council time zone', () => {
  it('defaults to Vietnam, refuses an unknown zone with a field message, and reaches the meeting', async () => {
    expect(w.council.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect((await w.delegate.get<MeetingDetail>(`/meetings/${w.meeting.id}`)).body.councilTimeZone).toBe('Asia/Ho_Chi_Minh');
    const bad = await w.admin.patch<ApiErrorBody>(`/councils/${w.council.id}`, { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.issues?.map((f) => f.path)).toEqual(['timeZone']);
    const ok = await w.admin.patch<{ timeZone: string }>(`/councils/${w.council.id}`, { timeZone: 'Asia/Bangkok' });
    expect(ok.body.timeZone).toBe('Asia/Bangkok');
    expect((await w.delegate.get<MeetingDetail>(`/meetings/${w.meeting.id}`)).body.councilTimeZone).toBe('Asia/Bangkok');
    expect((await w.delegate.get<{ councilTimeZone: string }[]>('/meetings')).body.find((m) => m.councilTimeZone === 'Asia/Bangkok')).toBeDefined();
    await w.admin.patch(`/councils/${w.council.id}`, { timeZone: 'Asia/Ho_Chi_Minh' });
  });
});
