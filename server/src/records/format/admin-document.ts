/**
 * One description of a document of record in the administrative format of Nghị định 30/2020/NĐ-CP
 * (Phụ lục I): the issuing body beside the Quốc hiệu and Tiêu ngữ, the number and symbol beside the
 * place and date line, the document type and its summary, the body, the signature block and Nơi nhận.
 * Both renderers (render-docx.ts, render-pdf.ts) read only this, so the DOCX and the PDF never differ.
 */
export interface AdminDocument {
  /** Tên cơ quan, tổ chức ban hành: the body that issues it, and optionally the one above it. */
  issuer: { parent?: string; name: string };
  /** "Số: 12/BC-HĐND"; `no` may be blank (filled in by hand when the document is registered). */
  number: { no: string; symbol: string };
  /** Địa danh ("Yên Hòa") and the moment whose date is printed, in `timeZone` (the council's). */
  place: string;
  date: Date;
  timeZone: string;
  /** Tên loại văn bản ("BÁO CÁO", "BIÊN BẢN") and trích yếu nội dung. */
  type: string;
  summary: string;
  body: Block[];
  /** One signer sits on the right (Nơi nhận on the left); two sit left and right (minutes: secretary, chair). */
  signers: Signer[];
  /** Nơi nhận, without the final punctuation (added by the renderer: ";" and "." for the last). */
  recipients: string[];
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; runs: Run[]; align?: 'justify' | 'center' }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] };

export interface Signer {
  /** Quyền hạn ("TM. HỘI ĐỒNG NHÂN DÂN"), may be empty. */
  authority: string;
  /** Chức vụ ("CHỦ TỊCH", "THƯ KÝ KỲ HỌP"). */
  position: string;
  name: string;
}

export const heading = (text: string, level: 1 | 2 = 1): Block => ({ kind: 'heading', text, level });
export const para = (...runs: (Run | string)[]): Block => ({ kind: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) });
export const bold = (text: string): Run => ({ text, bold: true });
export const italic = (text: string): Run => ({ text, italic: true });
export const table = (columns: string[], rows: (string | number)[][], widths?: number[]): Block => ({ kind: 'table', columns, rows: rows.map((r) => r.map(String)), widths });

const parts = (d: Date, timeZone: string, opts: Intl.DateTimeFormatOptions) =>
  Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...opts }).formatToParts(d).map((p) => [p.type, p.value]));

/**
 * "ngày 05 tháng 3 năm 2026" in the given time zone. Nghị định 30/2020/NĐ-CP: a day below 10 and the
 * months 1 and 2 take a leading zero.
 */
export function dateLine(d: Date, timeZone: string): string {
  const p = parts(d, timeZone, { day: 'numeric', month: 'numeric', year: 'numeric' });
  const month = Number(p.month);
  return `ngày ${String(Number(p.day)).padStart(2, '0')} tháng ${month < 3 ? String(month).padStart(2, '0') : month} năm ${p.year}`;
}

/** "Yên Hòa, ngày 01 tháng 12 năm 2026". */
export const placeDateLine = (doc: Pick<AdminDocument, 'place' | 'date' | 'timeZone'>) => `${doc.place}, ${dateLine(doc.date, doc.timeZone)}`;

/** "08 giờ 05 phút" in the given time zone, as minutes write a time. */
export function clockLine(d: Date, timeZone: string): string {
  const p = parts(d, timeZone, { hour: '2-digit', minute: '2-digit' });
  return `${p.hour} giờ ${p.minute} phút`;
}

/** "01/12/2026 08:05" in the given time zone, for table cells. */
export function shortDateTime(d: Date | string, timeZone: string): string {
  const p = parts(new Date(d), timeZone, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "Số: 12/BC-HĐND", or "Số:      /BC-HĐND" with the number left for registration. */
export const numberLine = (n: AdminDocument['number']) => `Số: ${n.no || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'}/${n.symbol}`;

const LEVEL_PREFIX = /^(hội đồng nhân dân|ủy ban nhân dân|uỷ ban nhân dân)\s+/i;
const UNIT_PREFIX = /^(tỉnh|thành phố|xã|phường|thị trấn|đặc khu|huyện|quận|thị xã)\s+/i;

/** The địa danh of a council: "Hội đồng nhân dân xã Yên Hòa" → "Yên Hòa"; any other name is kept whole. */
export function placeOf(councilName: string): string {
  const rest = councilName.trim().replace(LEVEL_PREFIX, '');
  return rest.replace(UNIT_PREFIX, '') || councilName.trim();
}

/** Nơi nhận with its punctuation: "- A;" … "- Lưu: VT." */
export const recipientLines = (recipients: string[]) => recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? '.' : ';'}`);

/** The page and margins of Nghị định 30/2020/NĐ-CP (A4; top and bottom 20 mm, left 30 mm, right 15 mm). */
export const PAGE = { widthMm: 210, heightMm: 297, marginMm: { top: 20, bottom: 20, left: 30, right: 15 } } as const;
/** Body 14 pt; the header's names 13 pt; Nơi nhận 12 pt ("Nơi nhận:") and 11 pt (its lines). */
export const SIZE = { body: 14, header: 13, recipientsHead: 12, recipients: 11, table: 12 } as const;

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export const fileTitle = (doc: AdminDocument) => `${doc.type.charAt(0)}${doc.type.slice(1).toLowerCase()} ${doc.summary}`.trim();
