import { memo, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { cellColSpan, cellRowSpan, cellText, paragraphName, type Paragraph } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { normaliseText } from '../../reading-room/lib/selectionAnchor';
import { piecesByCell, type ReadingBlock } from '../lib/readingBlocks';
import { piecesOf } from '../lib/readingText';
import { ReadingPieces, type Mark } from './ReadingPieces';

interface ReadingTableProps {
  rows: Paragraph[];
  marks: Map<number, Mark[]>;
  commentCounts: Map<string, number>;
  speakingIndex: number | null;
  canWrite: boolean;
  onOpen: (ids: string[]) => void;
  onMark: (annotationId: string) => void;
}

/**
 * A table the ingest read as a grid: one row per paragraph, its first row the header. It scrolls
 * sideways on its own when wider than the screen, so the text around it keeps the reader's size.
 */
export function ReadingTable({ rows, marks, commentCounts, speakingIndex, canWrite, onOpen, onMark }: ReadingTableProps) {
  // a header merged over two rows makes both of them the header
  const headerRows = Math.max(1, ...(rows[0]?.cells ?? []).map(cellRowSpan));
  return (
    <div className="reading-table-wrap" data-testid="reading-table">
      <table className="reading-table">
        <tbody>
          {rows.map((row, i) => (
            <ReadingTableRow
              key={row.id}
              row={row}
              header={i < headerRows}
              marks={marks.get(row.index)}
              comments={commentCounts.get(row.id) ?? 0}
              speaking={speakingIndex === row.index}
              canWrite={canWrite}
              onOpen={onOpen}
              onMark={onMark}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ReadingTableRow = memo(function ReadingTableRow({
  row,
  header,
  marks,
  comments,
  speaking,
  canWrite,
  onOpen,
  onMark,
}: {
  row: Paragraph;
  header: boolean;
  marks: Mark[] | undefined;
  comments: number;
  speaking: boolean;
  canWrite: boolean;
  onOpen: (ids: string[]) => void;
  onMark: (annotationId: string) => void;
}) {
  const { t } = useI18n();
  const spans = row.cells ?? [];
  const cells = spans.map((c) => normaliseText(cellText(c)));
  const byCell = piecesByCell(cells, piecesOf(normaliseText(row.text), marks ?? []));
  const Cell = header ? 'th' : 'td';
  const lastFilled = cells.reduce((last, c, k) => (c ? k : last), -1);
  return (
    // the row is the paragraph's text: a selection across its cells counts the spaces between them
    <tr
      className={`reading-paragraph reading-text kind-table${speaking ? ' is-speaking' : ''}`}
      data-reading-index={row.index}
      data-paragraph-id={row.id}
      data-label={row.label ?? undefined}
      data-testid="reading-paragraph"
    >
      {byCell.map((pieces, k) => (
        <Cell
          key={k}
          scope={header ? (cellColSpan(spans[k]) > 1 ? 'colgroup' : 'col') : undefined}
          colSpan={cellColSpan(spans[k]) > 1 ? cellColSpan(spans[k]) : undefined}
          rowSpan={cellRowSpan(spans[k]) > 1 ? cellRowSpan(spans[k]) : undefined}
        >
          <ReadingPieces pieces={pieces} onMark={onMark} />
          {cells[k] && k < lastFilled ? <span className="reading-cell-space"> </span> : null}
        </Cell>
      ))}
      {canWrite && (
        <td className="reading-row-actions" data-reading-skip="">
          <button type="button" className="reading-comment reading-row-comment" onClick={() => onOpen([row.id])} aria-label={`${t.reading.commentHere}: ${paragraphName(row)}`} data-testid="reading-comment">
            {t.reading.commentRow}
            {comments > 0 ? ` (${comments})` : ''}
          </button>
        </td>
      )}
    </tr>
  );
});

/** Device pixels per PDF unit the region is drawn at (sharp on a phone without drawing the whole page). */
const REGION_SCALE = 3;

/** A table the ingest could not read as a grid: the region of its page, drawn from the PDF. */
export function ReadingTableRegion({
  block,
  pdf,
  comments,
  speaking,
  canWrite,
  onOpen,
}: {
  block: Extract<ReadingBlock, { kind: 'region' }>;
  pdf: PDFDocumentProxy | null;
  comments: number;
  speaking: boolean;
  canWrite: boolean;
  onOpen: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');
  const { page, rect } = block;
  useEffect(() => {
    const target = canvas.current;
    if (!pdf || !target) return undefined;
    let cancelled = false;
    let task: RenderTask | null = null;
    setState('drawing');
    pdf
      .getPage(page)
      .then(async (p) => {
        if (cancelled) return;
        const viewport = p.getViewport({ scale: REGION_SCALE });
        const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([rect.x, rect.y, rect.x + rect.w, rect.y + rect.h]);
        const left = Math.min(x0, x1);
        const top = Math.min(y0, y1);
        target.width = Math.max(1, Math.ceil(Math.abs(x1 - x0)));
        target.height = Math.max(1, Math.ceil(Math.abs(y1 - y0)));
        // the page drawn shifted so the region's corner is the canvas's: only the region is painted
        task = p.render({ canvas: target, viewport, transform: [1, 0, 0, 1, -left, -top] });
        await task.promise;
        if (!cancelled) setState('drawn');
      })
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException')) setState('failed');
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, rect.x, rect.y, rect.w, rect.h]);
  const first = block.rows[0];
  const caption = t.reading.tableRegion(page);
  return (
    <figure
      className={`reading-paragraph reading-region${speaking ? ' is-speaking' : ''}`}
      data-reading-index={first.index}
      data-paragraph-id={first.id}
      data-testid="reading-region"
      data-state={state}
    >
      <div className="reading-region-scroll">
        {/* its width in CSS px is the region's in PDF units at 100%: as wide as on the printed page, scrolled when wider than the screen */}
        <canvas ref={canvas} role="img" aria-label={block.rows.map((r) => r.text).join('; ')} style={{ width: `${rect.w * (4 / 3)}px` }} />
      </div>
      <figcaption>
        {state === 'failed' ? t.reading.tableRegionFailed(page) : caption}
        {canWrite && (
          <button type="button" className="reading-comment" onClick={() => onOpen(block.rows.map((r) => r.id))} aria-label={`${t.reading.commentHere}: ${paragraphName(first)}`}>
            {t.reading.commentHere}
            {comments > 0 ? ` (${comments})` : ''}
          </button>
        )}
      </figcaption>
    </figure>
  );
}
