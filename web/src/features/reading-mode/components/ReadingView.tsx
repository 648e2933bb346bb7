import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { paragraphName, type Annotation, type Paragraph } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import type { ReadingRoom } from '../../reading-room/hooks/useReadingRoom';
import type { ReadingRoomUi } from '../../reading-room/hooks/useReadingRoomUi';
import { onSettledSelectionChange } from '../../reading-room/hooks/useTextSelection';
import { normaliseText } from '../../reading-room/lib/selectionAnchor';
import type { ReadingPrefs } from '../hooks/useReadingPrefs';
import { readingBlocks } from '../lib/readingBlocks';
import { anchorFromReadingRange, piecesOf, spansOfAnchor, type TextPoint } from '../lib/readingText';
import { ReadingPieces, type Mark } from './ReadingPieces';
import { ReadingTable, ReadingTableRegion } from './ReadingTable';
import './reading-mode.css';


interface ReadingViewProps {
  room: ReadingRoom;
  ui: ReadingRoomUi;
  versionId: string;
  prefs: ReadingPrefs;
  /** The paragraph to open at (the reading position carried over from the PDF pages). */
  startIndex: number | null;
  /** Reports the paragraph at the top of the view as the reader scrolls. */
  onPosition: (paragraphIndex: number) => void;
  onScroller: (element: HTMLDivElement | null) => void;
  /** The paragraph being read aloud, marked and kept in view. */
  speakingIndex?: number | null;
  /** The open PDF, to draw the tables the ingest could not read as a grid from their page. */
  pdf?: PDFDocumentProxy | null;
}

/** Where a DOM position lies in the reading view: a paragraph and an offset in its shown text. */
function pointOf(node: Node, offset: number): TextPoint | null {
  const at = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const element = at?.closest<HTMLElement>('[data-reading-index]');
  // a table row is its own text (its cells); its comment button is not part of it
  const text = element?.matches('.reading-text') ? element : element?.querySelector('.reading-text');
  if (!element || !text || !text.contains(node) || at?.closest('[data-reading-skip]')) return null;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(node, offset);
  return { paragraphIndex: Number(element.dataset.readingIndex), offset: range.toString().length };
}

/**
 * The document's paragraphs reflowed to the screen: headings set apart, the reader's highlights
 * drawn from the same anchors as on the PDF pages, and a selection here anchored the same way.
 */
export function ReadingView({ room, ui, versionId, prefs, startIndex, onPosition, onScroller, speakingIndex = null, pdf = null }: ReadingViewProps) {
  const { t } = useI18n();
  const root = useRef<HTMLDivElement | null>(null);
  const paragraphs = room.paragraphs;
  const setReadingSelection = ui.setReadingSelection;

  const marks = useMemo(() => {
    const map = new Map<number, Mark[]>();
    if (!paragraphs) return map;
    for (const a of room.annotations as Annotation[]) {
      if (a.conflictOf !== null || a.anchor.versionId !== versionId || a.anchor.detached) continue;
      for (const span of spansOfAnchor(paragraphs, a.anchor)) {
        const list = map.get(span.paragraphIndex) ?? [];
        list.push({ start: span.start, end: span.end, key: a.id, color: a.color });
        map.set(span.paragraphIndex, list);
      }
    }
    return map;
  }, [paragraphs, room.annotations, versionId]);

  const commentCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of room.comments) if (c.anchor.versionId === versionId && !c.anchor.detached) counts.set(c.anchor.paragraphId, (counts.get(c.anchor.paragraphId) ?? 0) + 1);
    return counts;
  }, [room.comments, versionId]);

  // open at the reading position, once the paragraphs are there
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || !paragraphs || !root.current) return;
    opened.current = true;
    if (startIndex === null) return;
    const element = root.current.querySelector<HTMLElement>(`[data-reading-index="${startIndex}"]`);
    // from the boxes, not offsetTop: a table row's offset is from its table
    if (element) root.current.scrollTop = element.getBoundingClientRect().top - root.current.getBoundingClientRect().top;
  }, [paragraphs, startIndex]);

  // the paragraph at the top of the view is the reading position
  useEffect(() => {
    const scroller = root.current;
    if (!scroller) return undefined;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = scroller.getBoundingClientRect().top + 8;
      for (const el of scroller.querySelectorAll<HTMLElement>('[data-reading-index]')) {
        if (el.getBoundingClientRect().bottom > top) {
          onPosition(Number(el.dataset.readingIndex));
          return;
        }
      }
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [onPosition, paragraphs]);

  // a selection in the reading view becomes the reading room's selection, anchored like one on the pages
  useEffect(() => {
    if (!paragraphs) return undefined;
    const update = () => {
      const current = document.getSelection();
      if (!current || current.isCollapsed || current.rangeCount === 0 || !root.current?.contains(current.anchorNode)) {
        setReadingSelection(null);
        return;
      }
      const range = current.getRangeAt(0);
      const from = pointOf(range.startContainer, range.startOffset);
      const to = pointOf(range.endContainer, range.endOffset);
      if (!from || !to) {
        setReadingSelection(null);
        return;
      }
      const result = anchorFromReadingRange(versionId, paragraphs, from, to);
      setReadingSelection({ result, paragraph: paragraphs.get(from.paragraphIndex) ?? null });
    };
    const stop = onSettledSelectionChange(update);
    return () => {
      stop();
      setReadingSelection(null);
    };
  }, [paragraphs, versionId, setReadingSelection]);

  // the paragraph read aloud stays in view
  useEffect(() => {
    if (speakingIndex === null || !root.current) return;
    root.current.querySelector<HTMLElement>(`[data-reading-index="${speakingIndex}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [speakingIndex]);

  const canWrite = room.access.canComment || room.access.canAnnotate || room.access.seesAllComments;
  const blocks = useMemo(() => (paragraphs ? readingBlocks(paragraphs.sorted) : []), [paragraphs]);
  const setRef = (element: HTMLDivElement | null) => {
    root.current = element;
    onScroller(element);
  };

  return (
    <div
      ref={setRef}
      className={`reading-view${prefs.dark ? ' is-dark' : ''}`}
      style={{ fontSize: `${prefs.size}px` }}
      data-testid="reading-view"
      data-text-size={prefs.size}
      data-dark={prefs.dark ? 'true' : 'false'}
      lang="vi"
    >
      {!paragraphs && room.paragraphsLoaded && <p className="reading-empty">{t.reading.noText}</p>}
      <div className="reading-column">
        {blocks.map((block) => {
          const onMark = (annotationId: string) => ui.setSheet({ kind: 'annotation', annotationId });
          if (block.kind === 'grid') {
            return (
              <ReadingTable
                key={block.rows[0].id}
                rows={block.rows}
                marks={marks}
                commentCounts={commentCounts}
                speakingIndex={speakingIndex}
                canWrite={canWrite}
                onOpen={ui.onOpenParagraphs}
                onMark={onMark}
              />
            );
          }
          if (block.kind === 'region') {
            return (
              <ReadingTableRegion
                key={block.rows[0].id}
                block={block}
                pdf={pdf}
                comments={block.rows.reduce((n, r) => n + (commentCounts.get(r.id) ?? 0), 0)}
                speaking={block.rows.some((r) => r.index === speakingIndex)}
                canWrite={canWrite}
                onOpen={ui.onOpenParagraphs}
              />
            );
          }
          const p = block.paragraph;
          return (
            <ReadingParagraph
              key={p.id}
              paragraph={p}
              marks={marks.get(p.index)}
              comments={commentCounts.get(p.id) ?? 0}
              speaking={speakingIndex === p.index}
              canWrite={canWrite}
              commentLabel={t.reading.commentHere}
              onOpen={ui.onOpenParagraphs}
              onMark={onMark}
            />
          );
        })}
      </div>
    </div>
  );
}

const ReadingParagraph = memo(function ReadingParagraph({
  paragraph,
  marks,
  comments,
  speaking,
  canWrite,
  commentLabel,
  onOpen,
  onMark,
}: {
  paragraph: Paragraph;
  marks: Mark[] | undefined;
  comments: number;
  speaking: boolean;
  canWrite: boolean;
  commentLabel: string;
  onOpen: (ids: string[]) => void;
  onMark: (annotationId: string) => void;
}) {
  const text = normaliseText(paragraph.text);
  const pieces = piecesOf(text, marks ?? []);
  const Tag = paragraph.kind === 'heading' ? 'h3' : 'p';
  const name = paragraphName(paragraph);
  return (
    <div
      className={`reading-paragraph kind-${paragraph.kind}${speaking ? ' is-speaking' : ''}`}
      data-reading-index={paragraph.index}
      data-paragraph-id={paragraph.id}
      data-label={paragraph.label ?? undefined}
      data-testid="reading-paragraph"
    >
      <Tag className="reading-text">
        <ReadingPieces pieces={pieces} onMark={onMark} />
      </Tag>
      {canWrite && paragraph.kind !== 'header' && (
        <button type="button" className="reading-comment" onClick={() => onOpen([paragraph.id])} aria-label={`${commentLabel}: ${name}`} data-testid="reading-comment">
          {paragraph.label ? `${paragraph.label} · ` : ''}
          {commentLabel}
          {comments > 0 ? ` (${comments})` : ''}
        </button>
      )}
    </div>
  );
});

