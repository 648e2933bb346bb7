import { useMemo } from 'react';
import { can, type Annotation, type Comment } from '@hopso/shared';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import type { PageOverlayItem } from '../../viewer/lib/pageTypes';
import { containsPoint } from '../lib/pdfGeometry';
import type { HighlightItem, MarginParagraph, ReadingAccess } from '../lib/readingTypes';
import { ParagraphIndex } from '../lib/selectionAnchor';
import { useAnnotations } from './useAnnotations';
import { useDocumentComments } from '../../comments/hooks/useDocumentComments';
import { useParagraphs } from './useParagraphs';

function groupByPage<T>(entries: Iterable<[number, T]>): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const [page, item] of entries) {
    const list = map.get(page) ?? [];
    list.push(item);
    map.set(page, list);
  }
  return map;
}

/** Drawn on this version: anchored to it (detached ones too, where they were). */
const onVersion = (versionId: string) => (item: { anchor: { versionId: string } }) => item.anchor.versionId === versionId;

/**
 * Everything the reading room shows over one version of a document: the reader's highlights and
 * notes, the comments they may see, the paragraphs (for anchoring and the margin buttons) and
 * what their role lets them do. Per-page lists are built once per change, so a page re-renders
 * only when something on the document changed.
 */
export function useReadingRoom({
  documentId,
  meetingId,
  versionId,
  isLatest,
  paragraphsWanted = true,
}: {
  documentId: string;
  meetingId: string;
  versionId: string;
  isLatest: boolean;
  /** False until the first page shows: the paragraphs (large for a long document) then load. */
  paragraphsWanted?: boolean;
}) {
  const meeting = useMeeting(meetingId);
  // new comments (staff) and status changes and replies (a delegate) arrive live, into the same cache
  useMeetingLive(meetingId);
  const paragraphsQuery = useParagraphs(documentId, versionId, paragraphsWanted);
  const annotationsQuery = useAnnotations(documentId);
  const commentsQuery = useDocumentComments(documentId);
  const role = meeting.data?.myRole ?? null;

  const access = useMemo<ReadingAccess>(
    () => ({
      role,
      canAnnotate: can(role, 'annotations.own'),
      // comments go on the current text: the secretariat's synthesis follows the latest version
      canComment: can(role, 'comments.create') && isLatest,
      seesAllComments: can(role, 'comments.readAll'),
      canTriage: can(role, 'comments.triage'),
    }),
    [role, isLatest],
  );

  const paragraphs = useMemo(() => (paragraphsQuery.data && paragraphsQuery.data.length > 0 ? new ParagraphIndex(paragraphsQuery.data) : null), [paragraphsQuery.data]);
  const annotations: readonly Annotation[] = annotationsQuery.data ?? EMPTY_ANNOTATIONS;
  // conflict copies lie exactly over their original: listed in the panel, not drawn a second time
  const drawn = useMemo(() => annotations.filter((a) => a.conflictOf === null), [annotations]);
  const comments: readonly Comment[] = commentsQuery.data ?? EMPTY_COMMENTS;

  const highlightsByPage = useMemo(
    () =>
      groupByPage<HighlightItem>(
        drawn.filter(onVersion(versionId)).flatMap((a) =>
          a.anchor.rects.map((rect, i): [number, HighlightItem] => [rect.page, { key: `${a.id}-${i}`, rect, color: a.color, annotationId: a.id }]),
        ),
      ),
    [drawn, versionId],
  );

  const markersByPage = useMemo(() => {
    const entries: [number, PageOverlayItem][] = [];
    for (const c of comments.filter(onVersion(versionId))) {
      const rect = c.anchor.rects[0];
      if (rect) entries.push([rect.page, { key: `comment-${c.id}`, rect, kind: 'comment' }]);
    }
    for (const a of drawn.filter(onVersion(versionId))) {
      const rect = a.anchor.rects[a.anchor.rects.length - 1];
      if (rect && a.note) entries.push([rect.page, { key: `note-${a.id}`, rect, kind: 'note' }]);
    }
    return groupByPage(entries);
  }, [comments, drawn, versionId]);

  const marginByPage = useMemo(() => {
    const map = new Map<number, MarginParagraph[]>();
    if (!paragraphs) return map;
    const counts = new Map<string, number>();
    for (const c of comments) if (c.anchor.versionId === versionId && !c.anchor.detached) counts.set(c.anchor.paragraphId, (counts.get(c.anchor.paragraphId) ?? 0) + 1);
    // one margin column for the whole document, left of its text (a right-aligned signature block keeps its button there too)
    let left = Infinity;
    for (const p of paragraphs.sorted) for (const r of p.rects) left = Math.min(left, r.x);
    for (const p of paragraphs.sorted) {
      const firstLine = p.rects[0];
      if (!firstLine || !p.text.trim()) continue;
      const list = map.get(firstLine.page) ?? [];
      list.push({ id: p.id, index: p.index, firstLine, left, commentCount: counts.get(p.id) ?? 0 });
      map.set(firstLine.page, list);
    }
    return map;
  }, [paragraphs, comments, versionId]);

  /** The highlight under a point of a page (the smallest, when several overlap). */
  const annotationAt = (page: number, x: number, y: number): Annotation | null => {
    let best: Annotation | null = null;
    let bestArea = Infinity;
    for (const a of drawn) {
      if (a.anchor.versionId !== versionId) continue;
      const hit = a.anchor.rects.find((r) => containsPoint(r, page, x, y, 1));
      if (!hit) continue;
      const area = a.anchor.rects.reduce((s, r) => s + r.w * r.h, 0);
      if (area < bestArea) {
        best = a;
        bestArea = area;
      }
    }
    return best;
  };

  return {
    meeting: meeting.data ?? null,
    access,
    paragraphs,
    paragraphsLoaded: paragraphsQuery.isSuccess,
    annotations,
    comments,
    highlightsByPage,
    markersByPage,
    marginByPage,
    annotationAt,
  };
}

const EMPTY_ANNOTATIONS: readonly Annotation[] = [];
const EMPTY_COMMENTS: readonly Comment[] = [];

export type ReadingRoom = ReturnType<typeof useReadingRoom>;
