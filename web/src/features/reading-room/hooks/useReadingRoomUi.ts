import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Anchor, HighlightColor, PdfRect, StoredAnchor } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { newClientId } from '../../../lib/clientId';
import type { PdfPointViewport } from '../lib/pdfGeometry';
import type { ComposeMode, ComposeTarget } from '../lib/readingTypes';
import { anchorForParagraph } from '../lib/selectionAnchor';
import type { WriteOutcome } from '../../offline/lib/syncEngine';
import { useCreateAnnotation } from './useAnnotationMutations';
import type { ReadingRoom } from './useReadingRoom';
import { useTextSelection, type TextSelection } from './useTextSelection';

export type ReadingSheet =
  | { kind: 'compose'; target: ComposeTarget; mode: ComposeMode }
  | { kind: 'annotation'; annotationId: string }
  | { kind: 'choose'; paragraphIds: string[] };

interface Options {
  room: ReadingRoom;
  documentId: string;
  versionId: string;
  scroller: HTMLElement | null;
  pageElements: ReadonlyMap<number, HTMLElement>;
  viewports: ReadonlyMap<number, PdfPointViewport>;
  /** Brings a rectangle of the version shown into view. */
  scrollToRect: (rect: PdfRect) => void;
  /** Opens another version of the document at a page (for detached items). */
  openVersion: (versionId: string, page: number) => void;
  toastMessage: (message: string) => void;
}

/** A stored anchor as the API takes it back (without the server's `detached` flag). */
export function plainAnchor({ versionId, paragraphId, quote, rects }: StoredAnchor | Anchor): Anchor {
  return { versionId, paragraphId, quote, rects };
}

const PHONE_PANEL = '(max-width: 899px)';
const FOCUS_MS = 2500;

/** The reading room's moment-to-moment state over the viewer: selection, open sheet, panel, jumps. */
export function useReadingRoomUi({ room, documentId, versionId, scroller, pageElements, viewports, scrollToRect, openVersion, toastMessage }: Options) {
  const { t } = useI18n();
  const pages = useTextSelection({ root: scroller, pageElements, viewports, paragraphs: room.paragraphs, versionId });
  // a selection in the reading view (reading-mode/ReadingView), anchored the same way
  const [readingSelection, setReadingSelection] = useState<TextSelection | null>(null);
  const selection = readingSelection ?? pages.selection;
  const clearPages = pages.clear;
  const clear = useCallback(() => {
    clearPages();
    setReadingSelection(null);
  }, [clearPages]);
  const [sheet, setSheet] = useState<ReadingSheet | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [focus, setFocus] = useState<StoredAnchor | null>(null);
  const highlight = useCreateAnnotation(documentId);

  // a new selection starts afresh: the error of the last one no longer applies
  const resetHighlight = highlight.reset;
  useEffect(() => {
    if (!highlight.isPending) resetHighlight();
  }, [selection, resetHighlight]);

  // Esc lets go of the selection (and its action bar), as it closes a sheet
  useEffect(() => {
    if (!selection || sheet) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, sheet, clear]);

  useEffect(() => {
    if (!focus) return undefined;
    const timer = window.setTimeout(() => setFocus(null), FOCUS_MS);
    return () => window.clearTimeout(timer);
  }, [focus]);

  const access = room.access;
  const paragraphs = room.paragraphs;

  const openParagraph = useCallback(
    (paragraphId: string) => {
      const paragraph = paragraphs?.sorted.find((p) => p.id === paragraphId);
      if (!paragraph || !paragraphs) return;
      const target: ComposeTarget = { anchor: anchorForParagraph(versionId, paragraph, paragraphs), paragraph, whole: true };
      setSheet({ kind: 'compose', target, mode: access.canComment || access.seesAllComments ? 'comment' : 'note' });
    },
    [paragraphs, versionId, access.canComment, access.seesAllComments],
  );

  // a stable callback for every page (pages are memoised), reading the latest state through a ref
  const openParagraphsRef = useRef<(ids: string[]) => void>(() => undefined);
  openParagraphsRef.current = (ids: string[]) => {
    if (ids.length === 1) openParagraph(ids[0]);
    else if (ids.length > 1) setSheet({ kind: 'choose', paragraphIds: ids });
  };
  const onOpenParagraphs = useCallback((ids: string[]) => openParagraphsRef.current(ids), []);

  /** The selection as a target for a note or a comment: the quote, or its whole paragraph when the quote can't be anchored. */
  const selectionTarget = (): ComposeTarget | null => {
    if (!selection) return null;
    if (selection.result.ok) return { anchor: selection.result.anchor, paragraph: selection.result.paragraph, whole: false };
    if (selection.paragraph && paragraphs) return { anchor: anchorForParagraph(versionId, selection.paragraph, paragraphs), paragraph: selection.paragraph, whole: true };
    return null;
  };

  const composeFromSelection = (mode: ComposeMode) => {
    const target = selectionTarget();
    if (!target) return;
    clear();
    setSheet({ kind: 'compose', target, mode });
  };

  const highlighted = (outcome: WriteOutcome) => {
    clear();
    toastMessage(outcome.status === 'sent' ? t.readingRoom.highlighted : t.offline.savedLocally);
  };

  const highlightSelection = (color: HighlightColor) => {
    if (!selection?.result.ok) return;
    // the id is made here, once per press: automatic retries and "Thử lại" send the same one
    highlight.mutate(
      { clientId: newClientId(), anchor: selection.result.anchor, color, note: '' },
      { onSuccess: highlighted },
    );
  };

  const retryHighlight = () => {
    if (highlight.variables) highlight.mutate(highlight.variables, { onSuccess: highlighted });
  };

  const jumpTo = (anchor: StoredAnchor) => {
    const rect = anchor.rects[0];
    if (!rect) return;
    if (anchor.versionId !== versionId) {
      openVersion(anchor.versionId, rect.page);
      return;
    }
    if (window.matchMedia(PHONE_PANEL).matches) setPanelOpen(false);
    scrollToRect(rect);
    setFocus(anchor);
  };

  /** A tap on the page that selected nothing: open the highlight under it, if any. */
  const onPageClick = (event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('button, a, input, textarea, select, dialog')) return;
    const current = document.getSelection();
    if (current && !current.isCollapsed) return;
    const pageElement = target.closest<HTMLElement>('.pdf-page');
    if (!pageElement) return;
    const page = Number(pageElement.dataset.pageNumber);
    const viewport = viewports.get(page);
    if (!viewport) return;
    const box = pageElement.getBoundingClientRect();
    const [x, y] = viewport.convertToPdfPoint(((event.clientX - box.left) * viewport.width) / box.width, ((event.clientY - box.top) * viewport.height) / box.height);
    const hit = room.annotationAt(page, x, y);
    if (hit) setSheet({ kind: 'annotation', annotationId: hit.id });
  };

  const done = (message: string) => {
    setSheet(null);
    toastMessage(message);
  };

  return {
    selection,
    setReadingSelection,
    clearSelection: clear,
    sheet,
    setSheet,
    closeSheet: () => setSheet(null),
    panelOpen,
    setPanelOpen,
    focus,
    highlight,
    onOpenParagraphs,
    openParagraph,
    composeFromSelection,
    highlightSelection,
    retryHighlight,
    jumpTo,
    onPageClick,
    done,
  };
}

export type ReadingRoomUi = ReturnType<typeof useReadingRoomUi>;
