import type { Response } from 'express';
import { type AdminDocument, type Block, placeOf, type Signer } from './admin-document';
import { renderDocx, renderPdf } from './renderers';

/** Who issues a document of record and in which time zone its dates are printed. */
export interface RecordIssuer {
  councilName: string;
  timeZone: string;
}

/** Ký hiệu of the kinds hopso writes (Phụ lục III of the decree: BC báo cáo, BB biên bản, DS danh sách). */
export const SYMBOL = { report: 'BC-HĐND', minutes: 'BB-HĐND', list: 'DS-HĐND' } as const;

export const DEFAULT_RECIPIENTS = ['Thường trực HĐND', 'Các đại biểu HĐND', 'Lưu: VT, Tổ thư ký'];

/** The signature block of a report the secretariat makes: its author signs for the tổ thư ký. */
export const secretariatSigner = (name = ''): Signer => ({ authority: 'TM. TỔ THƯ KÝ', position: 'THƯ KÝ KỲ HỌP', name });

/** A document of record of a council: the issuer, place and date line come from the council. */
export function recordDocument(
  issuer: RecordIssuer,
  d: { type: string; summary: string; symbol: string; body: Block[]; date?: Date; no?: string; signers?: Signer[]; recipients?: string[] },
): AdminDocument {
  return {
    issuer: { name: issuer.councilName },
    number: { no: d.no ?? '', symbol: d.symbol },
    place: placeOf(issuer.councilName),
    date: d.date ?? new Date(),
    timeZone: issuer.timeZone,
    type: d.type,
    summary: d.summary,
    body: d.body,
    signers: d.signers ?? [secretariatSigner()],
    recipients: d.recipients ?? DEFAULT_RECIPIENTS,
  };
}

export type RecordFormat = 'docx' | 'pdf';

export const CONTENT_TYPE: Record<RecordFormat | 'csv', string> = {
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export const renderRecord = (d: AdminDocument, format: RecordFormat): Promise<Buffer> => (format === 'docx' ? renderDocx(d) : renderPdf(d));

/** Sends a produced file as an attachment with its Vietnamese name intact. */
export function sendFile(res: Response, body: Buffer, format: RecordFormat | 'csv', fileName: string): void {
  res.setHeader('Content-Type', CONTENT_TYPE[format]);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${fileName}.${format}`)}`);
  res.send(body);
}
