import { COMMENT_STATUSES, type CommentStatus, paragraphName } from '@hopso/shared';
import { type AdminDocument, type Block, bold, heading, italic, para, shortDateTime, table } from '../format/admin-document';
import { type RecordIssuer, recordDocument, secretariatSigner, SYMBOL } from '../format/record-document';

export const STATUS_LABEL: Record<CommentStatus, string> = {
  sent: 'Đã gửi',
  received: 'Đã tiếp nhận',
  accepted: 'Đã tiếp thu',
  answered: 'Đã giải trình',
  declined: 'Không tiếp thu',
};

export interface SynthesisComment {
  /** Stable per meeting, to number delegates when the report is anonymised. */
  authorId: string;
  author: string;
  unit: string;
  /** The author's breakout group (tổ) for this agenda item, null when not split into groups. */
  group: string | null;
  quote: string;
  body: string;
  status: CommentStatus;
  reply: string;
  at: Date;
}

/** One place in a document with its comments; `paragraphIndex` null gathers the detached ones (their old place in `label`/`page`). */
export interface SynthesisSection {
  paragraphIndex: number | null;
  page: number | null;
  label: string | null;
  paragraphText: string;
  comments: SynthesisComment[];
  /** For detached comments: where they were before a new version (e.g. "Điều 2, khoản 1 (phiên bản 1)"). */
  oldPlaces?: string[];
}

export interface SynthesisDocumentPart {
  id: string;
  title: string;
  versionNo: number;
  sections: SynthesisSection[];
}

export interface SynthesisGroupReport {
  groupName: string;
  text: string;
  submitted: boolean;
}

export interface SynthesisItem {
  /** null gathers the documents attached to no agenda item. */
  title: string | null;
  presenter: string;
  documents: SynthesisDocumentPart[];
  groupReports: SynthesisGroupReport[];
}

export interface Synthesis {
  issuer: RecordIssuer;
  meetingTitle: string;
  generatedAt: Date;
  /** The whole meeting, or the one document it was asked for. */
  scope: 'meeting' | 'document';
  anonymous: boolean;
  items: SynthesisItem[];
  signerName?: string;
}

export const placeOf = (s: Pick<SynthesisSection, 'paragraphIndex' | 'page' | 'label'>) =>
  s.paragraphIndex === null ? 'Ý kiến không còn gắn với đoạn văn (tách rời)' : paragraphName({ index: s.paragraphIndex, page: s.page ?? 1, label: s.label });

const allComments = (items: SynthesisItem[]) => items.flatMap((i) => i.documents.flatMap((d) => d.sections.flatMap((s) => s.comments)));

/** "Đại biểu số 3" in order of first comment, or the name and unit. */
export function authorNamer(items: SynthesisItem[], anonymous: boolean): (c: SynthesisComment) => string {
  const numbers = new Map<string, number>();
  for (const c of allComments(items)) if (!numbers.has(c.authorId)) numbers.set(c.authorId, numbers.size + 1);
  return (c) => (anonymous ? `Đại biểu số ${numbers.get(c.authorId)}` : `${c.author}${c.unit ? ` (${c.unit})` : ''}`);
}

/** Counts per status (columns in COMMENT_STATUSES order, then the total). */
export function statusCounts(comments: SynthesisComment[]): number[] {
  const counts = COMMENT_STATUSES.map((st) => comments.filter((c) => c.status === st).length);
  return [...counts, comments.length];
}

const STATUS_COLUMNS = [...COMMENT_STATUSES.map((s) => STATUS_LABEL[s]), 'Tổng số'];

function countsBlocks(items: SynthesisItem[]): Block[] {
  const blocks: Block[] = [heading('I. TỔNG HỢP CHUNG')];
  const every = allComments(items);
  blocks.push(para(`Tổng số ý kiến: ${every.length}; số đại biểu có ý kiến: ${new Set(every.map((c) => c.authorId)).size}.`));
  const docs = items.flatMap((i) => i.documents);
  blocks.push(para(bold('Số ý kiến theo trạng thái:')));
  blocks.push(table(['Tài liệu', ...STATUS_COLUMNS], [...docs.map((d) => [d.title, ...statusCounts(d.sections.flatMap((s) => s.comments))]), ['Tổng cộng', ...statusCounts(every)]], [4, ...STATUS_COLUMNS.map(() => 1.4)]));
  const groups = [...new Set(every.map((c) => c.group).filter((g): g is string => g !== null))].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
  if (groups.length) {
    blocks.push(para(bold('Số ý kiến theo tổ thảo luận:')));
    const rows = groups.map((g) => [g, ...statusCounts(every.filter((c) => c.group === g))]);
    const outside = every.filter((c) => c.group === null);
    if (outside.length) rows.push(['Ngoài tổ', ...statusCounts(outside)]);
    blocks.push(table(['Tổ', ...STATUS_COLUMNS], rows, [4, ...STATUS_COLUMNS.map(() => 1.4)]));
  }
  return blocks;
}

/** Báo cáo tổng hợp ý kiến: by agenda item, document and place in the document, with counts and the groups' reports. */
export function synthesisDocument(s: Synthesis): AdminDocument {
  const name = authorNamer(s.items, s.anonymous);
  const body: Block[] = [
    para(`Tổ thư ký tổng hợp ý kiến của đại biểu về các tài liệu của ${s.meetingTitle}, đến ${shortDateTime(s.generatedAt, s.issuer.timeZone)}, như sau:`),
    ...countsBlocks(s.items),
    heading('II. Ý KIẾN CỤ THỂ'),
  ];
  s.items.forEach((item, i) => {
    body.push(heading(`${i + 1}. ${item.title ?? 'Tài liệu chung của kỳ họp'}`));
    if (item.presenter) body.push(para(italic(`Cơ quan trình bày: ${item.presenter}`)));
    item.documents.forEach((d, j) => {
      const n = d.sections.reduce((k, sec) => k + sec.comments.length, 0);
      body.push(heading(`${i + 1}.${j + 1}. ${d.title} (phiên bản ${d.versionNo}): ${n} ý kiến`, 2));
      if (!n) body.push(para(italic('Không có ý kiến.')));
      for (const sec of d.sections) {
        body.push(para(bold(placeOf(sec))));
        if (sec.paragraphText) body.push(para(italic(`«${sec.paragraphText}»`)));
        sec.comments.forEach((c, k) => {
          const place = sec.paragraphIndex === null && sec.oldPlaces?.[k] ? ` [vị trí cũ: ${sec.oldPlaces[k]}]` : '';
          body.push(para(bold(`${k + 1}. ${name(c)}${c.group ? `, ${c.group}` : ''} — ${STATUS_LABEL[c.status]}${place}: `), c.body));
          if (c.quote && c.quote !== sec.paragraphText) body.push(para(italic(`Trích: «${c.quote}»`)));
          if (c.reply) body.push(para(italic('Tổ thư ký: '), c.reply));
        });
      }
    });
    if (item.groupReports.length) {
      body.push(heading(`Ý kiến thảo luận tổ về nội dung ${i + 1}`, 2));
      for (const g of item.groupReports) {
        body.push(para(bold(`${g.groupName}${g.submitted ? '' : ' (chưa gửi)'}:`)));
        for (const line of g.text.split('\n').filter((l) => l.trim())) body.push(para(line));
      }
    }
  });
  const only = s.scope === 'document' ? s.items[0]?.documents[0] : undefined;
  return recordDocument(s.issuer, {
    type: 'Báo cáo',
    summary: only ? `Tổng hợp ý kiến đại biểu về ${only.title}` : `Tổng hợp ý kiến đại biểu tại ${s.meetingTitle}`,
    symbol: SYMBOL.report,
    date: s.generatedAt,
    body,
    signers: [secretariatSigner(s.signerName)],
  });
}

/**
 * Báo cáo tiếp thu, giải trình for one draft: each comment (grouped by place) with the drafting body's
 * response from the triage reply: taken in, explained, or not taken in; detached comments with their old place.
 */
export function explanationDocument(s: Synthesis): AdminDocument {
  const d = s.items[0]?.documents[0];
  const name = authorNamer(s.items, s.anonymous);
  const comments = d ? d.sections.flatMap((sec) => sec.comments) : [];
  const pending = comments.filter((c) => c.status === 'sent' || c.status === 'received').length;
  const body: Block[] = [
    para(`Trên cơ sở ý kiến của đại biểu về ${d?.title ?? 'dự thảo'} (phiên bản ${d?.versionNo ?? 1}), cơ quan soạn thảo tiếp thu, giải trình như sau:`),
    para(`Tổng số ý kiến: ${comments.length}; đã tiếp thu: ${comments.filter((c) => c.status === 'accepted').length}; đã giải trình: ${comments.filter((c) => c.status === 'answered').length}; không tiếp thu: ${comments.filter((c) => c.status === 'declined').length}; chưa xử lý: ${pending}.`),
  ];
  const RESPONSE: Record<CommentStatus, string> = { accepted: 'Tiếp thu', answered: 'Giải trình', declined: 'Không tiếp thu', sent: 'Chưa xử lý', received: 'Chưa xử lý' };
  let n = 0;
  for (const sec of d?.sections ?? []) {
    body.push(heading(placeOf(sec), 2));
    sec.comments.forEach((c, k) => {
      n += 1;
      const old = sec.paragraphIndex === null && sec.oldPlaces?.[k] ? ` (vị trí cũ: ${sec.oldPlaces[k]})` : '';
      body.push(para(bold(`${n}. Ý kiến của ${name(c)}${old}: `), c.body));
      const pending = c.status === 'sent' || c.status === 'received';
      body.push(para(bold(`${RESPONSE[c.status]}: `), c.reply || (pending ? 'cơ quan soạn thảo chưa trả lời.' : c.status === 'accepted' ? 'đã tiếp thu vào dự thảo.' : '—')));
    });
  }
  if (!n) body.push(para(italic('Không có ý kiến.')));
  return recordDocument(s.issuer, {
    type: 'Báo cáo',
    summary: `Tiếp thu, giải trình ý kiến đại biểu về ${d?.title ?? 'dự thảo'}`,
    symbol: SYMBOL.report,
    date: s.generatedAt,
    body,
    signers: [secretariatSigner(s.signerName)],
  });
}
