import crypto from 'node:crypto';
import type { AdoptedResolution, Breakout, Comment, DocumentDetail, MeetingEvent, Minutes, MinutesSummary, MinutesVersion, Paragraph, PdfSignatureInfo, Sitting, SpeakersList, UploadResult, Vote } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../fixtures';
import { type Api, blobOf, buildMeetingWorld, type MeetingWorld } from './support/api';
import { makeSigningP12, makeTestCa, pdfsig } from './support/certificates';
import { docxDocumentXml, docxText, pdfText } from './support/read-back';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let w: MeetingWorld;
let docId: string;
let paragraph: Paragraph;
let sitting: Sitting;
let vote: Vote;

type Err = { code: string; message: string };
const m = () => `/meetings/${w.meeting.id}`;
const file = async (api: Api, path: string) => {
  const res = await fetch(`${server.url}/api${path}`, { headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
};
const ok = <T>(res: { status: number; body: T }, status?: number): T => {
  if (status ? res.status !== status : res.status < 200 || res.status > 299) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const flat = (s: string) => s.replace(/\s+/g, ' ');

const CLAUSE = 'Hỗ trợ kinh phí làm đường liên thôn cho các hộ gia đình.';
const COMMENT = 'Đề nghị nâng mức hỗ trợ lên 70%.';
const REPLY = 'Điều 1 đã sửa mức hỗ trợ thành 70%.';
const GROUP_REPORT = 'Tổ 1 thống nhất đề nghị tăng kinh phí đường thôn.';
const SUMMARY = 'Đại biểu thảo luận sôi nổi về mức hỗ trợ.';
const CONCLUSION = 'Chủ tọa kết luận: giao UBND xã hoàn thiện dự thảo.';

/** A zone whose date differs from Vietnam's right now (UTC+14 from 10:00 to 17:00 UTC, UTC−11 otherwise). */
const hour = new Date().getUTCHours();
const ZONE = hour >= 10 && hour < 17 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
const dateIn = (timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: 'numeric', year: 'numeric' }).formatToParts(new Date());
  const [d, mo, y] = ['day', 'month', 'year'].map((t) => parts.find((p) => p.type === t)!.value);
  return `ngày ${d} tháng ${Number(mo) < 3 ? mo.padStart(2, '0') : String(Number(mo))} năm ${y}`;
};

/**
 * A scripted session in a council kept in another time zone, where today's date is not Vietnam's: a document with comments and a triage reply, a sitting with attendance,
 * a speech, a breakout group's report and a passed vote on the whole draft.
 */
beforeAll(async () => {
  server = await startServer({ env: { HOPSO_SIGNING_KEY: crypto.randomBytes(32).toString('base64') } });
  w = await buildMeetingWorld(server);
  ok(await w.admin.patch(`/councils/${w.council.id}`, { timeZone: ZONE }));
  ok(await w.secretary.patch(`${m()}/agenda/${w.agenda[1].id}`, { presenter: 'Chủ tịch UBND xã' }));
  const pdf = await buildDraftResolutionPdf({ title: 'Nghị quyết ngân sách', councilName: 'Hội đồng nhân dân xã Thử Nghiệm', articles: [{ heading: 'Điều 1. Mức hỗ trợ', clauses: [CLAUSE] }] });
  const up = ok(await w.secretary.upload(w.meeting.id, [{ name: 'Nghị quyết ngân sách.pdf', data: pdf }], { agendaItemId: w.agenda[1].id }), 201) as UploadResult;
  const doc = await w.secretary.waitReady(up.documents[0].id);
  docId = doc.id;
  paragraph = ok(await w.secretary.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).find((p) => p.text.includes('Hỗ trợ kinh phí'))!;
  const comment = ok(
    await w.delegate.post<Comment>(`/documents/${doc.id}/comments`, { clientId: crypto.randomUUID(), anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text }, rects: paragraph.rects }, body: COMMENT }),
    201,
  );
  ok(await w.secretary.patch(`/comments/${comment.id}`, { status: 'accepted', reply: REPLY }));
  ok(await w.delegateB.post(`/documents/${doc.id}/comments`, { clientId: crypto.randomUUID(), anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text }, rects: paragraph.rects }, body: 'Cần làm rõ nguồn vốn.' }), 201);

  ok(await w.admin.put(`/councils/${w.council.id}/voting-settings`, { seats: 3 }));
  sitting = ok(await w.secretary.post<Sitting>(`${m()}/sittings`, { title: 'Phiên sáng' }), 201);
  ok(await w.chair.post(`/sittings/${sitting.id}/open`));
  ok(await w.secretary.post(`/sittings/${sitting.id}/attendance`, { entries: [{ userId: w.ids.chair, status: 'hall' }, { userId: w.ids.delegate, status: 'online' }, { userId: w.ids.delegateB, status: 'absent', excused: true, reason: 'Đi công tác huyện' }] }));

  const asked = ok(await w.delegate.post<SpeakersList>(`${m()}/agenda/${w.agenda[1].id}/speakers`, { clientId: crypto.randomUUID(), type: 'contribution' }), 201);
  const speech = asked.waiting[0];
  ok(await w.chair.post(`/speeches/${speech.id}/start`));
  ok(await w.chair.post(`/speeches/${speech.id}/stop`));

  ok(await w.secretary.post(`${m()}/breakouts`, { agendaItemId: w.agenda[1].id, groups: [{ name: 'Tổ 1', leaderId: w.ids.delegate, memberIds: [w.ids.delegate], documentIds: [docId] }] }));
  const started = ok(await w.chair.post<Breakout>(`${m()}/breakouts/start`, { agendaItemId: w.agenda[1].id }));
  ok(await w.delegate.put(`/breakout-groups/${started.groups[0].id}/report`, { text: GROUP_REPORT, submit: true }));
  ok(await w.chair.post(`${m()}/breakouts/end`, { agendaItemId: w.agenda[1].id }));

  vote = ok(await w.chair.post<Vote>(`${m()}/votes`, { question: 'Thông qua Nghị quyết ngân sách', agendaItemId: w.agenda[1].id, documentId: docId }), 201);
  ok(await w.chair.post(`/votes/${vote.id}/open`));
  for (const api of [w.chair, w.delegate]) ok(await api.post(`/votes/${vote.id}/ballots`, { clientId: crypto.randomUUID(), choice: 'yes' }));
  vote = ok(await w.chair.post<Vote>(`/votes/${vote.id}/close`));
  ok(await w.chair.post(`/sittings/${sitting.id}/close`));
});
afterAll(async () => {
  await server?.stop();
});

describe('the synthesis report for the whole meeting', () => {
  it('follows the administrative format, dated in the council’s time zone, by item, document and structure label, with counts', async () => {
    const res = await file(w.secretary, `${m()}/records/synthesis?format=docx`);
    expect(res.status).toBe(200);
    const xml = await docxDocumentXml(res.body);
    const text = flat(await docxText(res.body));
    expect(dateIn(ZONE)).not.toBe(dateIn('Asia/Ho_Chi_Minh'));
    expect(text).toContain(`Thử Nghiệm w, ${dateIn(ZONE)}`);
    for (const s of ['HĐND XÃ THỬ NGHIỆM W', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '/BC-HĐND', 'BÁO CÁO', `Tổng hợp ý kiến đại biểu tại ${w.meeting.title}`, 'Dự thảo nghị quyết về ngân sách', 'Cơ quan trình bày: Chủ tịch UBND xã', 'Nghị quyết ngân sách (phiên bản 1): 2 ý kiến', 'Điều 1', COMMENT, REPLY, 'Người dùng w-delegate', GROUP_REPORT, 'Nơi nhận:']) {
      expect({ s, found: text.includes(s) }).toEqual({ s, found: true });
    }
    // the counts table: one accepted, one sent, two in all; and per tổ (the delegate is in Tổ 1)
    expect(text).toMatch(/Nghị quyết ngân sách 1 0 1 0 0 2|Nghị quyết ngân sách\s*1\s*0\s*1\s*0\s*0\s*2/);
    expect(xml).toContain('Tổ 1');
    expect(xml).toContain('Ngoài tổ');
  });

  it('anonymises the delegates when the secretariat asks, as a PDF with the same text', async () => {
    const res = await file(w.secretary, `${m()}/records/synthesis?format=pdf&anonymous=true`);
    expect(res.type).toBe('application/pdf');
    const text = flat(await pdfText(res.body));
    expect(text).toContain('Đại biểu số 1');
    expect(text).toContain(COMMENT);
    expect(text).not.toContain('Người dùng w-delegate');
    expect(text).toContain('Điều 1');
  });

  it('is the same report for one document: counts per status and per tổ, structure labels, named after the document', async () => {
    for (const format of ['docx', 'pdf'] as const) {
      const res = await file(w.secretary, `/documents/${docId}/report?format=${format}`);
      expect(res.status).toBe(200);
      const text = flat(format === 'docx' ? await docxText(res.body) : await pdfText(res.body));
      for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `Thử Nghiệm w, ${dateIn(ZONE)}`, 'Tổng hợp ý kiến đại biểu về Nghị quyết ngân sách', 'Số ý kiến theo trạng thái', 'Số ý kiến theo tổ thảo luận', 'Tổ 1', 'Ngoài tổ', 'Điều 1', COMMENT, GROUP_REPORT]) {
        expect({ format, s, found: text.includes(s) }).toEqual({ format, s, found: true });
      }
      // the delegate (Tổ 1) wrote the accepted comment, delegate B (in no tổ) the one still sent
      expect(text).toMatch(/Tổ 1\s*0\s*0\s*1\s*0\s*0\s*1/);
      expect(text).toMatch(/Ngoài tổ\s*1\s*0\s*0\s*0\s*0\s*1/);
    }
    // the CSV stays the secretary's spreadsheet
    expect((await file(w.secretary, `/documents/${docId}/report?format=csv`)).type).toMatch(/text\/csv/);
    expect((await file(w.delegate, `/documents/${docId}/report?format=pdf`)).status).toBe(403);
  });

  it('writes the explanation report of a draft from the triage replies', async () => {
    const text = flat(await docxText((await file(w.secretary, `/documents/${docId}/records/explanation?format=docx`)).body));
    expect(text).toContain('Tiếp thu, giải trình ý kiến đại biểu về Nghị quyết ngân sách');
    expect(text).toContain(`Tiếp thu: ${REPLY}`);
    expect(text).toContain('chưa xử lý: 1');
  });

  it('is for the staff only, and refuses a bad format or a document of another meeting', async () => {
    expect((await file(w.delegate, `${m()}/records/synthesis?format=pdf`)).status).toBe(403);
    expect((await file(w.outsider, `${m()}/records/synthesis?format=pdf`)).status).toBe(404);
    expect((await file(w.delegate, `/documents/${docId}/records/explanation?format=pdf`)).status).toBe(403);
    const bad = await w.secretary.get<Err>(`${m()}/records/synthesis?format=xls`);
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await file(w.secretary, `${m()}/records/synthesis?format=pdf&documentId=${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe('minutes of a sitting', () => {
  let minutes: Minutes;

  it('are drafted by the staff from every recorded fact', async () => {
    expect((await w.delegate.post(`${m()}/minutes`, { sittingId: sitting.id })).status).toBe(403);
    minutes = ok(await w.secretary.post<Minutes>(`${m()}/minutes`, { sittingId: sitting.id }), 201);
    expect(minutes).toMatchObject({ status: 'draft', version: 1, frozen: false });
    expect((await w.secretary.post<Err>(`${m()}/minutes`, { sittingId: sitting.id })).body.code).toBe('CONFLICT');
    const item = minutes.facts.items.find((i) => i.agendaItemId === w.agenda[1].id)!;
    expect(item.speeches.map((s) => s.name)).toEqual(['Người dùng w-delegate']);
    expect(item.votes.map((v) => [v.question, v.result.counts.yes, v.result.passed])).toEqual([['Thông qua Nghị quyết ngân sách', 2, true]]);
    expect(minutes.facts.sittings[0]).toMatchObject({ seats: 3, present: 2, hall: 1, online: 1, absent: [{ name: 'Người dùng w-delegateb', excused: true, reason: 'Đi công tác huyện' }] });
  });

  it('keep the summaries the secretariat writes, and the file says every fact', async () => {
    minutes = ok(await w.secretary.put<Minutes>(`/minutes/${minutes.id}`, { version: minutes.version, content: { opening: 'Khai mạc phiên họp.', items: { [w.agenda[1].id]: { summary: SUMMARY, conclusion: CONCLUSION } }, closing: '' } }));
    expect(minutes.version).toBe(2);
    expect((await w.secretary.put<Err>(`/minutes/${minutes.id}`, { version: 1, content: { opening: 'cũ' } })).body.code).toBe('CONFLICT');
    const text = flat(await docxText((await file(w.secretary, `/minutes/${minutes.id}/file?format=docx`)).body));
    for (const s of [
      'BIÊN BẢN',
      `Phiên sáng, ${w.meeting.title}`,
      '/BB-HĐND',
      'Địa điểm: Hội trường xã',
      'Chủ tọa: Người dùng w-chair',
      'Thư ký: Người dùng w-secretary',
      'Tổng số đại biểu: 3. Có mặt: 2 (tại hội trường 1, tham dự trực tuyến 1). Vắng mặt: 1',
      'Người dùng w-delegateb',
      'Vắng có lý do: Đi công tác huyện',
      'Dự thảo nghị quyết về ngân sách',
      'Trình bày: Chủ tịch UBND xã',
      'Nghị quyết ngân sách (phiên bản 1)',
      'Người dùng w-delegate',
      'phát biểu',
      GROUP_REPORT,
      'Biểu quyết: Thông qua Nghị quyết ngân sách',
      'Tán thành: 2 phiếu, chiếm 66,67% tổng số đại biểu',
      'ĐÃ THÔNG QUA',
      SUMMARY,
      CONCLUSION,
      'THƯ KÝ',
      'CHỦ TỌA',
    ]) {
      expect({ s, found: text.includes(s) }).toEqual({ s, found: true });
    }
  });

  it('are hidden from delegates until final; only the chair approves or returns them', async () => {
    expect((await w.delegate.get(`/minutes/${minutes.id}`)).status).toBe(404);
    expect(ok(await w.delegate.get<MinutesSummary[]>(`${m()}/minutes`))).toEqual([]);
    expect((await w.outsider.get(`/minutes/${minutes.id}`)).status).toBe(404);
    expect((await w.chair.post<Err>(`/minutes/${minutes.id}/approve`)).body.code).toBe('MINUTES_NOT_SUBMITTED');
    ok(await w.secretary.post(`/minutes/${minutes.id}/submit`));
    expect((await w.secretary.put<Err>(`/minutes/${minutes.id}`, { version: 3, content: {} })).body.code).toBe('MINUTES_SUBMITTED');
    expect((await w.secretary.post(`/minutes/${minutes.id}/approve`)).status).toBe(403);
    expect((await w.chair.post<Err>(`/minutes/${minutes.id}/return`, { note: '  ' })).body.code).toBe('VALIDATION_FAILED');
    const returned = ok(await w.chair.post<Minutes>(`/minutes/${minutes.id}/return`, { note: 'Bổ sung phần khai mạc.' }));
    expect(returned).toMatchObject({ status: 'returned', returnNote: 'Bổ sung phần khai mạc.' });
    const edited = ok(await w.secretary.put<Minutes>(`/minutes/${minutes.id}`, { version: returned.version, content: { ...returned.content, opening: 'Khai mạc phiên họp, chủ tọa điều hành.' }, freeze: true }));
    expect(edited).toMatchObject({ status: 'draft', frozen: true });
    ok(await w.secretary.post(`/minutes/${minutes.id}/submit`));
    minutes = ok(await w.chair.post<Minutes>(`/minutes/${minutes.id}/approve`));
    expect(minutes.status).toBe('final');
  });

  it('once final refuse every edit with a stable code, keep every version, and open to delegates', async () => {
    for (const res of [
      await w.secretary.put<Err>(`/minutes/${minutes.id}`, { version: minutes.version, content: { opening: 'sửa sau' } }),
      await w.secretary.post<Err>(`/minutes/${minutes.id}/submit`),
      await w.chair.post<Err>(`/minutes/${minutes.id}/return`, { note: 'x' }),
      await w.chair.post<Err>(`/minutes/${minutes.id}/approve`),
    ]) {
      expect([res.status, res.body.code]).toEqual([409, 'MINUTES_FINAL']);
    }
    // the database refuses too, whatever writes to it
    await expect(server.db.query(`UPDATE minutes SET content = '{}' WHERE id = $1`, [minutes.id])).rejects.toThrow(/final/);
    const versions = ok(await w.secretary.get<MinutesVersion[]>(`/minutes/${minutes.id}/versions`));
    expect(versions.map((v) => v.status)).toEqual(['draft', 'draft', 'submitted', 'returned', 'draft', 'submitted', 'final']);
    expect(versions[3].note).toBe('Bổ sung phần khai mạc.');
    expect((await w.delegate.get(`/minutes/${minutes.id}/versions`)).status).toBe(403);
    expect(ok(await w.delegate.get<MinutesSummary[]>(`${m()}/minutes`)).map((x) => x.id)).toEqual([minutes.id]);
    const pdf = await file(w.delegate, `/minutes/${minutes.id}/file?format=pdf`);
    expect(pdf.type).toBe('application/pdf');
    const text = flat(await pdfText(pdf.body));
    expect(text).toContain('Biên bản đã được chủ tọa thông qua.');
    expect(text).toContain(CONCLUSION);
  });
  it('are live at every step for the staff, and for delegates only once final', async () => {
    const minutesEvents = async (api: Api) =>
      ok(await api.get<MeetingEvent[]>(`${m()}/events?after=0`))
        .filter((e): e is Extract<MeetingEvent, { type: 'minutes.changed' }> => e.type === 'minutes.changed' && e.payload.minutes.id === minutes.id)
        .map((e) => e.payload.minutes.status);
    const steps = ['draft', 'draft', 'submitted', 'returned', 'draft', 'submitted', 'final'];
    expect(await minutesEvents(w.secretary)).toEqual(steps);
    // the chair sees each submission to approve
    expect(await minutesEvents(w.chair)).toEqual(steps);
    expect(await minutesEvents(w.delegate)).toEqual(['final']);
    expect(await minutesEvents(w.observer)).toEqual(['final']);
  });

  it('carry the council\'s digital signature once it has a certificate, which poppler validates', async () => {
    const unsigned = await file(w.delegate, `/minutes/${minutes.id}/file?format=pdf`);
    expect(pdfsig(unsigned.body)).toMatch(/does not contain any signatures/);
    const identity = makeSigningP12(makeTestCa('CA thử nghiệm biên bản'), { commonName: 'Thường trực HĐND', password: 'mật khẩu' });
    const form = new FormData();
    form.append('certificate', blobOf(identity.p12, 'application/x-pkcs12'), 'hdnd.p12');
    form.append('password', 'mật khẩu');
    expect((await w.admin.request('PUT', `/councils/${w.council.id}/signing-certificate`, form)).status).toBe(200);
    const signed = await file(w.delegate, `/minutes/${minutes.id}/file?format=pdf`);
    const report = pdfsig(signed.body);
    expect(report).toMatch(/Signature is Valid/);
    expect(report).toMatch(/Thường trực HĐND/);
    expect(flat(await pdfText(signed.body))).toContain(CONCLUSION);
  });

  it('show their signatures as hopso checks them: signer, time, unchanged; none for a draft', async () => {
    const [sig] = ok(await w.delegate.get<PdfSignatureInfo[]>(`/minutes/${minutes.id}/signatures`));
    expect(sig).toMatchObject({ signerName: 'Thường trực HĐND', status: 'valid', digestMatches: true });
    expect(Math.abs(Date.parse(sig.signingTime!) - Date.now())).toBeLessThan(10 * 60_000);
    const draft = ok(await w.secretary.post<Minutes>(`${m()}/minutes`, { sittingId: null }), 201);
    expect(ok(await w.secretary.get<PdfSignatureInfo[]>(`/minutes/${draft.id}/signatures`))).toEqual([]);
    expect((await w.delegate.get(`/minutes/${draft.id}/signatures`)).status).toBe(404);
  });
});

describe('adopted resolutions', () => {
  it('mark the version a passed vote adopted, with its vote, for every participant', async () => {
    const list = ok(await w.delegate.get<AdoptedResolution[]>(`${m()}/adopted-resolutions`));
    expect(list).toEqual([expect.objectContaining({ documentId: docId, versionNo: 1, voteId: vote.id, question: 'Thông qua Nghị quyết ngân sách' })]);
    expect(list[0].result.passed).toBe(true);
    expect((await w.outsider.get(`${m()}/adopted-resolutions`)).status).toBe(404);
  });

  it('are signed as PAdES with the council’s certificate, which pdfsig validates, and a tampered copy fails', async () => {
    const [adopted] = ok(await w.delegate.get<AdoptedResolution[]>(`${m()}/adopted-resolutions`));
    const res = await file(w.delegate, `/adopted-resolutions/${adopted.versionId}/file`);
    expect([res.status, res.type]).toEqual([200, 'application/pdf']);
    const report = pdfsig(res.body);
    expect(report).toMatch(/Signature Validation: Signature is Valid/);
    expect(report).toMatch(/Signer Certificate Common Name: Thường trực HĐND/);
    expect(report).toMatch(/Total document signed/);
    expect(flat(await pdfText(res.body))).toContain(CLAUSE);
    const tampered = Buffer.from(res.body);
    const at = tampered.indexOf('/MediaBox');
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] = 'm'.charCodeAt(0);
    expect(pdfsig(tampered)).not.toMatch(/Signature is Valid/);
    expect((await file(w.outsider, `/adopted-resolutions/${adopted.versionId}/file`)).status).toBe(404);
    expect((await file(w.delegate, `/adopted-resolutions/${crypto.randomUUID()}/file`)).status).toBe(404);
  });

  it('lock the adopted version: a new version is refused with a stable code, and the database refuses it too', async () => {
    const form = new FormData();
    form.append('files', blobOf(await buildDraftResolutionPdf({ title: 'Nghị quyết ngân sách (sửa)', councilName: 'Hội đồng nhân dân xã Thử Nghiệm', articles: [{ heading: 'Điều 1. Mức hỗ trợ', clauses: ['Sửa sau khi thông qua.'] }] }), 'application/pdf'), 'sua.pdf');
    const res = await w.secretary.request<Err>('POST', `/documents/${docId}/versions`, form);
    expect([res.status, res.body.code]).toEqual([409, 'DOCUMENT_ADOPTED']);
    const detail = ok(await w.secretary.get<DocumentDetail>(`/documents/${docId}`));
    expect(detail.versions.map((v) => v.versionNo)).toEqual([1]);
    await expect(
      server.db.query(
        `INSERT INTO document_versions (document_id, version_no, file_key, file_name, size_bytes, sha256, page_count, status, uploaded_by)
         SELECT document_id, 2, file_key || '.x', file_name, size_bytes, sha256, page_count, status, uploaded_by FROM document_versions WHERE document_id = $1`,
        [docId],
      ),
    ).rejects.toThrow(/adopted/);
  });
});
