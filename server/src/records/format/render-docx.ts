import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import { type AdminDocument, type Block, numberLine, PAGE, placeDateLine, QUOC_HIEU, recipientLines, SIZE, TIEU_NGU } from './admin-document';

const pt = (n: number) => n * 2; // docx sizes are half-points
const FONT = 'Times New Roman';
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const CONTENT_TWIP = twip(PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right);
const NO_BORDERS = TableBorders.NONE;

const centered = (runs: TextRun[], spacing?: { before?: number; after?: number }) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs, spacing });
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: pt(o.size ?? SIZE.body), underline: o.underline ? { type: UnderlineType.SINGLE } : undefined });

/** A short solid rule under a centred name, a third of the column wide (the decree's line under the issuer). */
const shortRule = (columnTwip: number) =>
  new Paragraph({ indent: { left: columnTwip / 3, right: columnTwip / 3 }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [] });

const cell = (children: (Paragraph | Table)[], widthTwip: number) => new TableCell({ width: { size: widthTwip, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children, borders: { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } } });
const twoColumns = (left: (Paragraph | Table)[], right: (Paragraph | Table)[], leftShare: number) => {
  const l = Math.round(CONTENT_TWIP * leftShare);
  return new Table({ width: { size: CONTENT_TWIP, type: WidthType.DXA }, columnWidths: [l, CONTENT_TWIP - l], borders: NO_BORDERS, rows: [new TableRow({ children: [cell(left, l), cell(right, CONTENT_TWIP - l)] })] });
};

const LEFT_SHARE = 0.4;

function header(d: AdminDocument): Table {
  const leftTwip = Math.round(CONTENT_TWIP * LEFT_SHARE);
  const left = [
    ...(d.issuer.parent ? [centered([run(d.issuer.parent.toUpperCase(), { size: SIZE.header })])] : []),
    centered([run(d.issuer.name.toUpperCase(), { bold: true, size: SIZE.header })]),
    shortRule(leftTwip),
    centered([run(numberLine(d.number), { size: SIZE.header })]),
  ];
  const right = [
    centered([run(QUOC_HIEU, { bold: true, size: SIZE.header })]),
    centered([run(TIEU_NGU, { bold: true, size: SIZE.body, underline: true })]),
    centered([run('')]),
    centered([run(placeDateLine(d), { italics: true, size: SIZE.body })]),
  ];
  return twoColumns(left, right, LEFT_SHARE);
}

function block(b: Block): Paragraph | Table {
  if (b.kind === 'heading') return new Paragraph({ spacing: { before: 120, after: 120 }, indent: b.level === 2 ? { firstLine: 567 } : undefined, keepNext: true, children: [run(b.text, { bold: true })] });
  if (b.kind === 'paragraph')
    return new Paragraph({
      alignment: b.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: b.align === 'center' ? undefined : { firstLine: 567 },
      spacing: { after: 120 },
      children: b.runs.map((r) => run(r.text, { bold: r.bold, italics: r.italic })),
    });
  const widths = b.widths ?? b.columns.map(() => 1);
  const sum = widths.reduce((a, n) => a + n, 0);
  const twips = widths.map((w) => Math.floor((CONTENT_TWIP * w) / sum));
  const row = (cells: string[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map((c, i) => new TableCell({ width: { size: twips[i], type: WidthType.DXA }, children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(c, { bold: head, size: SIZE.table })] })] })),
    });
  return new Table({ width: { size: CONTENT_TWIP, type: WidthType.DXA }, columnWidths: twips, rows: [row(b.columns, true), ...b.rows.map((r) => row(r, false))] });
}

const signerColumn = (s: AdminDocument['signers'][number]) => [
  ...(s.authority ? [centered([run(s.authority, { bold: true })])] : []),
  centered([run(s.position, { bold: true })]),
  ...[0, 1, 2, 3].map(() => centered([run('')])),
  centered([run(s.name, { bold: true })]),
];

const recipientsColumn = (d: AdminDocument) =>
  d.recipients.length
    ? [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsHead })] }), ...recipientLines(d.recipients).map((l) => new Paragraph({ children: [run(l, { size: SIZE.recipients })] }))]
    : [new Paragraph({ children: [] })];

function closing(d: AdminDocument): (Paragraph | Table)[] {
  if (d.signers.length >= 2) {
    const out: (Paragraph | Table)[] = [twoColumns(signerColumn(d.signers[0]), signerColumn(d.signers[1]), 0.5)];
    if (d.recipients.length) out.push(new Paragraph({ children: [] }), ...recipientsColumn(d));
    return out;
  }
  return [twoColumns(recipientsColumn(d), d.signers.length ? signerColumn(d.signers[0]) : [new Paragraph({ children: [] })], LEFT_SHARE)];
}

/** The document as a DOCX file (Word opens and edits it): A4, the decree's margins, Times New Roman. */
export function renderDocx(d: AdminDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    header(d),
    new Paragraph({ children: [] }),
    centered([run(d.type.toUpperCase(), { bold: true })], { before: 240 }),
    centered([run(d.summary, { bold: true })]),
    shortRule(CONTENT_TWIP / 1.5),
    ...d.body.map(block),
    new Paragraph({ children: [] }),
    ...closing(d),
  ];
  const doc = new Document({
    title: `${d.type} ${d.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(SIZE.body) }, paragraph: { spacing: { line: 276 } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm) },
            margin: {
              top: twip(PAGE.marginMm.top),
              bottom: twip(PAGE.marginMm.bottom),
              left: twip(PAGE.marginMm.left),
              right: twip(PAGE.marginMm.right),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
