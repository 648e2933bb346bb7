import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { PageViewport } from 'pdfjs-dist';
import type { DocumentVersionInfo, PdfRect } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { LoadingState } from '../../../ui/LoadingState';
import { documentsApi } from '../../documents/api/documentsApi';
import { OfflineStatus } from '../../offline/components/OfflineStatus';
import { ReadingControls } from '../../reading-mode/components/ReadingControls';
import { ReadingView } from '../../reading-mode/components/ReadingView';
import { ReadAloudBar } from '../../reading-mode/components/ReadAloudBar';
import { useReadAloud } from '../../reading-mode/hooks/useReadAloud';
import { useReadingPrefs } from '../../reading-mode/hooks/useReadingPrefs';
import { paragraphAtTop } from '../../reading-mode/lib/readingPosition';
import { ReadingPanel } from '../../reading-room/components/ReadingPanel';
import { ReadingRoomLayer } from '../../reading-room/components/ReadingRoomLayer';
import { useReadingRoom } from '../../reading-room/hooks/useReadingRoom';
import { useReadingRoomLayers } from '../../reading-room/hooks/useReadingRoomLayers';
import { useReadingRoomUi } from '../../reading-room/hooks/useReadingRoomUi';
import { anchorForParagraph } from '../../reading-room/lib/selectionAnchor';
import { useDocumentSearch } from '../hooks/useDocumentSearch';
import { useElementWidth } from '../../viewer/hooks/useElementWidth';
import { usePdfDocument } from '../hooks/usePdfDocument';
import { useVisiblePages } from '../../viewer/hooks/useVisiblePages';
import type { PageOverlayItem, PageSize } from '../../viewer/lib/pageTypes';
import { rectToPercent } from '../../viewer/lib/rectToPercent';
import { fitWidthZoomBesideMargin, marginGutterPx, PDF_TO_CSS, zoomIn, zoomOut, type ZoomMode } from '../../viewer/lib/zoom';
import { MARGIN_BUTTON_PX, MARGIN_GAP_PX } from '../../reading-room/components/MarginButtons';
import { PdfPageView } from '../../viewer/components/PdfPageView';
import { ViewerSearchBar } from '../../viewer/components/ViewerSearchBar';
import { ViewerPageNav } from '../../viewer/components/ViewerPageNav';
import { ViewerToolbar } from '../../viewer/components/ViewerToolbar';
import { SignaturePanel } from '../../signatures/components/SignaturePanel';

interface PdfViewerProps {
  documentId: string;
  meetingId: string;
  title: string;
  version: DocumentVersionInfo;
  isLatest: boolean;
  backTo: string;
  initialPage: number;
  /** A paragraph to open at (a citation): scrolled into view and marked once the text is known. */
  initialParagraphId?: string;
}

const EMPTY_OVERLAYS: readonly PageOverlayItem[] = [];
const TOAST_MS = 3500;
/** "Auto" zoom is fit-width, but never larger than this on a wide screen (as pdf.js does). */
const AUTO_MAX_ZOOM = 1.25;
const PAGE_GUTTER_PX = 8;
const PHONE_MAX_WIDTH = 768;
/** An A4 page in PDF units: the frame of pages whose size nothing tells. */
const A4_PT: [number, number] = [595.28, 841.89];
/** Width the comment buttons need left of the text, beyond the page's own side gutter (4 px kept from the screen's edge). */
const MARGIN_COLUMN_PX = MARGIN_BUTTON_PX + MARGIN_GAP_PX + 4 - PAGE_GUTTER_PX;

export function PdfViewer({ documentId, meetingId, title, version, isLatest, backTo, initialPage, initialParagraphId }: PdfViewerProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const fileUrl = documentsApi.fileUrl(documentId, version.id);
  const state = usePdfDocument(fileUrl, { documentId, versionId: version.id });
  const pdf = state.status === 'ready' ? state.pdf : null;

  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const containerWidth = useElementWidth(scroller);
  const { visible, register, elements } = useVisiblePages(scroller);

  const [sizes, setSizes] = useState<PageSize[]>([]);
  // a phone opens at "Vừa khung" (fit width); a wider screen at fit width capped at 125 %
  const [zoomMode, setZoomMode] = useState<ZoomMode>(() => (window.innerWidth < PHONE_MAX_WIDTH ? { kind: 'fit' } : { kind: 'auto' }));
  const [currentPage, setCurrentPage] = useState(1);

  const [searchOpen, setSearchOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [hitIndex, setHitIndex] = useState(0);
  const search = useDocumentSearch({ documentId, versionId: version.id, pdf, query });

  const damagedPages = useMemo(() => new Set(version.damagedPages ?? []), [version.damagedPages]);
  // Page sizes: every page starts with page 1's size (one request, not 400); each page corrects its own when it loads.
  // A page 1 that cannot load still leaves every page its frame (the ingest's sizes, or A4), each saying what it can't draw.
  useEffect(() => {
    if (!pdf) return;
    let cancelled = false;
    const known = version.pageSizes.length === pdf.numPages ? version.pageSizes : null;
    const fallback = (): PageSize[] =>
      Array.from({ length: pdf.numPages }, (_, i) => (known ? { width: known[i][0], height: known[i][1] } : { width: A4_PT[0], height: A4_PT[1] }));
    void pdf.getPage(1).then(
      (page) => {
        if (cancelled) return;
        const vp = page.getViewport({ scale: 1 });
        setSizes(Array.from({ length: pdf.numPages }, () => ({ width: vp.width, height: vp.height })));
      },
      () => {
        if (!cancelled) setSizes(fallback());
      },
    );
    return () => {
      cancelled = true;
    };
  }, [pdf, version.pageSizes]);

  const onSize = useCallback((pageNumber: number, size: PageSize) => {
    setSizes((prev) => {
      const old = prev[pageNumber - 1];
      if (!old || (Math.abs(old.width - size.width) < 0.5 && Math.abs(old.height - size.height) < 0.5)) return prev;
      const next = [...prev];
      next[pageNumber - 1] = size;
      return next;
    });
  }, []);

  const firstWidth = sizes[0]?.width ?? 595;
  const available = Math.max(0, containerWidth - 2 * PAGE_GUTTER_PX);
  // where the document's text starts (PDF units) once its paragraphs are known: the comment
  // buttons stand left of it, beside the page when its margin is narrower than a finger
  const [textLeft, setTextLeft] = useState<number | null>(null);
  const zoomFor = (left: number | null) =>
    zoomMode.kind === 'fixed'
      ? zoomMode.zoom
      : zoomMode.kind === 'fit'
        ? fitWidthZoomBesideMargin(available, firstWidth, left, MARGIN_COLUMN_PX)
        : Math.min(AUTO_MAX_ZOOM, fitWidthZoomBesideMargin(available, firstWidth, left, MARGIN_COLUMN_PX));
  const zoom = zoomFor(textLeft);
  const scale = zoom * PDF_TO_CSS;
  const marginGutter = marginGutterPx(scale, textLeft, MARGIN_COLUMN_PX);
  const numPages = sizes.length;

  const scrollToPage = useCallback(
    (pageNumber: number, fractionOfPage = 0, behavior: ScrollBehavior = 'auto') => {
      const element = elements.get(pageNumber);
      if (!scroller || !element) return;
      scroller.scrollTo({ top: element.offsetTop + fractionOfPage * element.offsetHeight - PAGE_GUTTER_PX, behavior });
    },
    [elements, scroller],
  );

  // Track the page under the top third of the view (binary search over the page boxes).
  useEffect(() => {
    if (!scroller || numPages === 0) return undefined;
    let frame = 0;
    const update = () => {
      frame = 0;
      const y = scroller.scrollTop + scroller.clientHeight * 0.3;
      let lo = 1;
      let hi = numPages;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const top = elements.get(mid)?.offsetTop ?? 0;
        if (top <= y) lo = mid;
        else hi = mid - 1;
      }
      setCurrentPage(lo);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    update();
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, numPages, elements]);

  // Open at ?page=N once the page boxes exist.
  const openedAt = useRef(false);
  useLayoutEffect(() => {
    if (openedAt.current || numPages === 0 || containerWidth === 0) return;
    openedAt.current = true;
    if (initialPage > 1) scrollToPage(Math.min(initialPage, numPages));
  }, [numPages, containerWidth, initialPage, scrollToPage]);

  // Keep the reader's place when the zoom changes.
  const anchor = useRef<{ page: number; fraction: number } | null>(null);
  const rememberPlace = useCallback(() => {
    const element = elements.get(currentPage);
    if (!scroller || !element) return;
    anchor.current = { page: currentPage, fraction: (scroller.scrollTop + PAGE_GUTTER_PX - element.offsetTop) / Math.max(1, element.offsetHeight) };
  }, [elements, currentPage, scroller]);
  useLayoutEffect(() => {
    if (!anchor.current) return;
    scrollToPage(anchor.current.page, anchor.current.fraction);
    anchor.current = null;
  }, [scale, scrollToPage]);

  const setZoom = (mode: ZoomMode) => {
    rememberPlace();
    setZoomMode(mode);
  };

  // Search: jump to the active hit and mark it.
  const hits = search.hits;
  const activeHit = hits.length > 0 ? hits[Math.min(hitIndex, hits.length - 1)] : null;
  useEffect(() => setHitIndex(0), [query]);

  // Page viewports at scale 1, as pages load: screen positions ↔ PDF units.
  const viewports = useRef(new Map<number, PageViewport>()).current;
  const onViewport = useCallback((pageNumber: number, viewport: PageViewport) => viewports.set(pageNumber, viewport), [viewports]);

  /** Scrolls a rectangle (PDF units) to a quarter of the way down the view. */
  const scrollToRect = useCallback(
    (rect: PdfRect | undefined, page: number = rect?.page ?? 1) => {
      const element = elements.get(page);
      if (!scroller || !element) return;
      const size = sizes[page - 1];
      let fraction = 0;
      if (rect && size) {
        // the page's real viewport once it has loaded; until then an unrotated one is enough to place the scroll
        const viewport = viewports.get(page) ?? {
          width: size.width,
          height: size.height,
          convertToViewportRectangle: ([x1, y1, x2, y2]: number[]) => [x1, size.height - y1, x2, size.height - y2],
        };
        const box = rectToPercent(rect, viewport);
        fraction = Math.max(0, box.top / 100 - (scroller.clientHeight * 0.25) / Math.max(1, element.offsetHeight));
      }
      scrollToPage(page, fraction);
    },
    [elements, scroller, sizes, viewports, scrollToPage],
  );

  useEffect(() => {
    if (!activeHit || !scroller) return;
    const paragraph = activeHit.paragraphId ? search.paragraphs.get(activeHit.paragraphId) : undefined;
    scrollToRect(
      paragraph?.rects.find((r) => r.page === activeHit.page),
      activeHit.page,
    );
    // scroll only when the hit itself changes, not on every layout change
  }, [activeHit?.ordinal, activeHit?.page, query]);

  // The reading room: highlights, notes and comments over the pages.
  const [toast, setToast] = useState<{ message: string; at: number } | null>(null);
  useEffect(() => {
    if (!toast) return undefined;
    const timer = window.setTimeout(() => setToast(null), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  // a 400-page document's paragraphs weigh megabytes: on a slow line they wait until the first page
  // is readable rather than compete with it (a saved copy has them on the device)
  const [firstPageShown, setFirstPageShown] = useState(false);
  const onTextLayer = useCallback(() => setFirstPageShown(true), []);
  // reading mode (chế độ đọc): the paragraphs reflowed; the pages stay loaded underneath
  const [mode, setMode] = useState<'pdf' | 'reading'>('pdf');
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const readingPrefs = useReadingPrefs();
  const [readingScroller, setReadingScroller] = useState<HTMLDivElement | null>(null);
  const readingPosition = useRef<number | null>(null);
  const onReadingPosition = useCallback((index: number) => {
    readingPosition.current = index;
  }, []);
  const scrollReadingTo = useCallback(
    (paragraphIndex: number) => {
      const element = readingScroller?.querySelector<HTMLElement>(`[data-reading-index="${paragraphIndex}"]`);
      if (readingScroller && element) readingScroller.scrollTop = element.offsetTop - readingScroller.offsetTop;
    },
    [readingScroller],
  );
  const room = useReadingRoom({ documentId, meetingId, versionId: version.id, isLatest, paragraphsWanted: firstPageShown || mode === 'reading' || (state.status === 'ready' && state.source === 'offline') });
  const readAloud = useReadAloud(room.paragraphs?.sorted ?? null);
  const ui = useReadingRoomUi({
    room,
    documentId,
    versionId: version.id,
    scroller,
    pageElements: elements,
    viewports,
    scrollToRect: (rect) => {
      if (modeRef.current === 'pdf') return scrollToRect(rect);
      const paragraph = room.paragraphs?.paragraphUnder(rect.page, [rect]) ?? room.paragraphs?.startingOnPage(rect.page)[0];
      if (paragraph) scrollReadingTo(paragraph.index);
    },
    openVersion: (versionId, page) => navigate(`/documents/${documentId}?version=${encodeURIComponent(versionId)}&page=${page}`),
    toastMessage: (message) => setToast({ message, at: Date.now() }),
  });

  const pageLayers = useReadingRoomLayers(room, ui.onOpenParagraphs);
  const marginTextLeft = room.marginByPage.values().next().value?.[0]?.left ?? null;
  useEffect(() => {
    if (marginTextLeft === textLeft) return;
    // the page gets a little smaller to make room for the buttons: keep the reader's place
    if (zoomFor(marginTextLeft) !== zoomFor(textLeft)) rememberPlace();
    setTextLeft(marginTextLeft);
    // only when the document's text edge becomes known or changes
  }, [marginTextLeft]);

  // Open at ?paragraph=… once the paragraphs and page boxes exist; a paragraph of another version
  // is not found here, and the page from ?page= stands.
  const openedAtParagraph = useRef(false);
  const jumpTo = ui.jumpTo;
  useEffect(() => {
    if (openedAtParagraph.current || !initialParagraphId || !room.paragraphs || numPages === 0 || containerWidth === 0) return;
    openedAtParagraph.current = true;
    const paragraph = room.paragraphs.sorted.find((p) => p.id === initialParagraphId);
    if (paragraph) jumpTo({ ...anchorForParagraph(version.id, paragraph, room.paragraphs), detached: false });
  }, [initialParagraphId, room.paragraphs, numPages, containerWidth, version.id, jumpTo]);

  const overlaysByPage = useMemo(() => {
    const map = new Map<number, PageOverlayItem[]>();
    const add = (page: number, item: PageOverlayItem) => {
      const list = map.get(page) ?? [];
      list.push(item);
      map.set(page, list);
    };
    const paragraph = activeHit?.paragraphId ? search.paragraphs.get(activeHit.paragraphId) : undefined;
    (paragraph?.rects ?? []).forEach((rect, i) => add(rect.page, { key: `hit-${activeHit?.ordinal}-${i}`, rect, kind: 'search-hit-active' }));
    for (const [page, items] of room.markersByPage) items.forEach((item) => add(page, item));
    (ui.focus?.rects ?? []).forEach((rect, i) => add(rect.page, { key: `focus-${i}`, rect, kind: 'focus' }));
    return map;
  }, [activeHit, search.paragraphs, room.markersByPage, ui.focus]);

  const goToPage = (n: number) => {
    if (numPages === 0) return;
    const page = Math.min(numPages, Math.max(1, n));
    if (mode === 'reading') {
      const first = room.paragraphs?.sorted.find((p) => p.page >= page);
      if (first) scrollReadingTo(first.index);
      return;
    }
    scrollToPage(page);
  };

  const switchMode = () => {
    ui.clearSelection();
    if (mode === 'pdf') {
      // the page at the top edge of the view (currentPage is the one a third of the way down)
      let page = currentPage;
      const fractionOn = (n: number) => {
        const element = elements.get(n);
        return scroller && element ? (scroller.scrollTop + PAGE_GUTTER_PX - element.offsetTop) / Math.max(1, element.offsetHeight) : 0;
      };
      while (page > 1 && fractionOn(page) < 0) page--;
      const size = sizes[page - 1];
      const fraction = Math.min(1, Math.max(0, fractionOn(page)));
      readingPosition.current = room.paragraphs && size ? paragraphAtTop(room.paragraphs, page, size.height * (1 - fraction)) : null;
      setMode('reading');
    } else {
      readAloud.stop();
      setMode('pdf');
    }
  };
  // back on the pages, at the paragraph that was at the top of the reading view
  const returnedToPdf = useRef(false);
  useLayoutEffect(() => {
    if (mode === 'reading') {
      returnedToPdf.current = true;
      return;
    }
    if (!returnedToPdf.current) return;
    returnedToPdf.current = false;
    const paragraph = readingPosition.current !== null ? room.paragraphs?.get(readingPosition.current) : undefined;
    if (paragraph) scrollToRect(paragraph.rects[0]);
  }, [mode]);

  // Ctrl/Cmd+F opens our search: the browser's own find can't see pages that aren't rendered.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="viewer" data-testid="viewer">
      <ViewerToolbar
        title={title}
        backTo={backTo}
        zoom={zoom}
        zoomMode={zoomMode}
        currentPage={currentPage}
        numPages={numPages}
        downloadUrl={documentsApi.fileUrl(documentId, version.id, true)}
        searchOpen={searchOpen}
        onToggleSearch={() => setSearchOpen((open) => !open)}
        onZoomIn={() => setZoom({ kind: 'fixed', zoom: zoomIn(zoom) })}
        onZoomOut={() => setZoom({ kind: 'fixed', zoom: zoomOut(zoom) })}
        onFitWidth={() => setZoom({ kind: 'fit' })}
        onGoToPage={goToPage}
      />
      {searchOpen && (
        <ViewerSearchBar
          query={query}
          onQueryChange={setQuery}
          hitCount={hits.length}
          hitIndex={activeHit ? activeHit.ordinal : -1}
          searching={search.searching}
          onPrev={() => setHitIndex((i) => (hits.length ? (i - 1 + hits.length) % hits.length : 0))}
          onNext={() => setHitIndex((i) => (hits.length ? (i + 1) % hits.length : 0))}
          onClose={() => {
            setSearchOpen(false);
            setQuery('');
          }}
        />
      )}
      <OfflineStatus compact />
      {!isLatest && (
        <p className="alert alert-warning viewer-version-note">
          {t.viewer.oldVersion} <Link to={`/documents/${documentId}`}>{t.viewer.showLatest}</Link>
        </p>
      )}
      <SignaturePanel signatures={version.signatures} />
      <ReadingControls
        mode={mode}
        prefs={readingPrefs}
        onSwitch={switchMode}
      >
        <ReadAloudBar readAloud={readAloud} paragraphs={room.paragraphs?.sorted ?? null} fromIndex={() => readingPosition.current ?? 0} />
      </ReadingControls>
      <main id="main" className="viewer-body">
        <div className="viewer-main">
          {mode === 'reading' && (
            <ReadingView
              room={room}
              ui={ui}
              versionId={version.id}
              prefs={readingPrefs.prefs}
              startIndex={readingPosition.current}
              onPosition={onReadingPosition}
              onScroller={setReadingScroller}
              speakingIndex={readAloud.state.status === 'idle' ? null : readAloud.state.index}
              pdf={pdf}
            />
          )}
          {/* a tap that selects nothing opens the highlight under it (highlights lie under the text layer) */}
          <div
            className="viewer-scroll"
            hidden={mode === 'reading'}
            ref={setScroller}
            tabIndex={0}
            aria-label={title}
            data-testid="viewer-scroll"
            onClick={ui.onPageClick}
          >
            {state.status === 'loading' && <LoadingState label={t.viewer.loading} />}
            {state.status === 'error' && (
              <p className="alert alert-error viewer-error" role="alert">
                {t.viewer.loadFailed}
              </p>
            )}
            {version.restricted && (
              <p className="alert alert-info viewer-restricted" role="note" data-testid="restricted-note">
                {t.readablePages.restrictedNote}
              </p>
            )}
            {pdf && numPages > 0 && (
              <div className="viewer-pages" data-testid="viewer-pages" data-num-pages={numPages} style={marginGutter > 0 ? { paddingLeft: `${marginGutter}px` } : undefined}>
                {sizes.map((size, i) => (
                  <PdfPageView
                    key={i + 1}
                    pdf={pdf}
                    pageNumber={i + 1}
                    scale={scale}
                    size={size}
                    active={visible.has(i + 1)}
                    searchQuery={query}
                    overlays={overlaysByPage.get(i + 1) ?? EMPTY_OVERLAYS}
                    layers={pageLayers(i + 1)}
                    onSize={onSize}
                    onViewport={onViewport}
                    onTextLayer={onTextLayer}
                    registerElement={register}
                    damaged={damagedPages.has(i + 1)}
                  />
                ))}
              </div>
            )}
          </div>
          <div className="viewer-toast-region" role="status" aria-live="polite">
            {toast && (
              <p key={toast.at} className="viewer-toast" data-testid="viewer-toast">
                {toast.message}
              </p>
            )}
          </div>
          {numPages > 0 && !(ui.selection && !ui.sheet) && (
            <ViewerPageNav currentPage={currentPage} numPages={numPages} onGoToPage={goToPage}>
              <button
                type="button"
                className="button viewer-mine-toggle"
                aria-expanded={ui.panelOpen}
                onClick={() => ui.setPanelOpen((open) => !open)}
                data-testid="my-panel-toggle"
              >
                {room.access.seesAllComments ? t.readingRoom.staffPanelButton : t.readingRoom.mine}
                <span className="viewer-mine-count">
                  {room.access.seesAllComments ? room.comments.length : room.annotations.length + room.comments.length}
                </span>
              </button>
            </ViewerPageNav>
          )}
          <ReadingRoomLayer room={room} ui={ui} documentId={documentId} versionId={version.id} scroller={mode === 'reading' ? readingScroller : scroller} />
        </div>
        {ui.panelOpen && (
          <ReadingPanel
            documentId={documentId}
            annotations={room.annotations}
            comments={room.comments}
            access={room.access}
            onJump={ui.jumpTo}
            onEditAnnotation={(id) => ui.setSheet({ kind: 'annotation', annotationId: id })}
            onClose={() => ui.setPanelOpen(false)}
          />
        )}
      </main>
    </div>
  );
}
