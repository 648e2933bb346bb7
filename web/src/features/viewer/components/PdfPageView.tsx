import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { PDFDocumentProxy, PDFPageProxy, PageViewport, RenderTask, TextLayer } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { useI18n } from '../../../i18n/useI18n';
import { loadPdfjs } from '../lib/loadPdfjs';
import type { PageLayers, PageOverlayItem, PageSize } from '../lib/pageTypes';
import { findMatchesInItems } from '../lib/textSearch';
import { outputScaleFor } from '../lib/zoom';
import { PageOverlay } from './PageOverlay';
import './readable-pages.css';

interface PdfPageViewProps {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  /** CSS pixels per PDF unit. */
  scale: number;
  /** Page size in PDF units (rotation applied); an estimate until the page itself has loaded. */
  size: PageSize;
  /** Near the viewport: render the canvas and text layer. Far away: a sized placeholder only. */
  active: boolean;
  searchQuery: string;
  overlays: readonly PageOverlayItem[];
  /** What other features draw on this page (kept the same object while it is unchanged, so the page does not re-render). */
  layers?: PageLayers;
  onSize: (pageNumber: number, size: PageSize) => void;
  /** The page's viewport at scale 1, once known: for turning screen positions into PDF units. */
  onViewport: (pageNumber: number, viewport: PageViewport) => void;
  /** The page's text layer is filled (the page is readable and selectable). */
  onTextLayer?: (pageNumber: number) => void;
  registerElement: (pageNumber: number, element: HTMLDivElement | null) => void;
  /** The ingest could not read this page (a damaged stream): it says so on the page, whatever is drawn. */
  damaged?: boolean;
}

function isTextItem(item: TextContent['items'][number]): item is TextItem {
  return 'str' in item;
}

function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'RenderingCancelledException' || error.name === 'AbortException');
}

/** Wraps the search matches of a rendered text layer in <span class="search-hit">, as pdf.js's find bar does. */
function markMatches(divs: readonly HTMLElement[], items: readonly TextItem[], query: string) {
  divs.forEach((div, i) => {
    if (div.dataset.marked) {
      div.textContent = items[i]?.str ?? div.textContent;
      delete div.dataset.marked;
    }
  });
  if (!query.trim()) return;
  const perItem = new Map<number, { start: number; end: number }[]>();
  for (const match of findMatchesInItems(items, query)) {
    for (const part of match) {
      const list = perItem.get(part.item) ?? [];
      list.push({ start: part.start, end: part.end });
      perItem.set(part.item, list);
    }
  }
  for (const [index, ranges] of perItem) {
    const div = divs[index];
    const text = items[index]?.str;
    if (!div || text === undefined) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const { start, end } of ranges.sort((a, b) => a.start - b.start)) {
      if (start > at) fragment.append(text.slice(at, start));
      const mark = document.createElement('span');
      mark.className = 'search-hit';
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      at = end;
    }
    if (at < text.length) fragment.append(text.slice(at));
    div.replaceChildren(fragment);
    div.dataset.marked = '1';
  }
}

/**
 * One PDF page: canvas, pdf.js text layer (for selection and search marks) and one overlay sized from
 * the viewport, where highlights and comment markers are drawn from rectangles in PDF units.
 */
export const PdfPageView = memo(function PdfPageView({
  pdf,
  pageNumber,
  scale,
  size,
  active,
  searchQuery,
  overlays,
  layers,
  onSize,
  onViewport,
  onTextLayer,
  registerElement,
  damaged = false,
}: PdfPageViewProps) {
  const { t } = useI18n();
  const canvasWrapRef = useRef<HTMLDivElement>(null);
  const textLayerRef = useRef<HTMLDivElement>(null);
  const pageProxyRef = useRef<PDFPageProxy | null>(null);
  const textContentRef = useRef<TextContent | null>(null);
  const textDivsRef = useRef<HTMLElement[]>([]);
  const textItemsRef = useRef<TextItem[]>([]);
  const [unitViewport, setUnitViewport] = useState<PageViewport | null>(null);
  const [rendered, setRendered] = useState(false);
  const [textVersion, setTextVersion] = useState(0);
  const [failed, setFailed] = useState(false);

  const elementRef = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    registerElement(pageNumber, elementRef.current);
    return () => registerElement(pageNumber, null);
  }, [pageNumber, registerElement]);

  useEffect(() => {
    const canvasWrap = canvasWrapRef.current;
    const textLayerDiv = textLayerRef.current;
    if (!canvasWrap || !textLayerDiv) return undefined;
    if (!active) {
      // free canvas memory of pages far from view; the page keeps its size so scrolling doesn't jump
      canvasWrap.replaceChildren();
      textLayerDiv.replaceChildren();
      textDivsRef.current = [];
      pageProxyRef.current?.cleanup();
      setRendered(false);
      return undefined;
    }
    let cancelled = false;
    let renderTask: RenderTask | null = null;
    let textLayer: TextLayer | null = null;

    (async () => {
      const pdfjs = await loadPdfjs();
      const page = pageProxyRef.current ?? (await pdf.getPage(pageNumber));
      pageProxyRef.current = page;
      if (cancelled) return;
      const unit = page.getViewport({ scale: 1 });
      setUnitViewport(unit);
      onViewport(pageNumber, unit);
      onSize(pageNumber, { width: unit.width, height: unit.height });

      const viewport = page.getViewport({ scale });
      const outputScale = outputScaleFor(viewport.width, viewport.height, window.devicePixelRatio);
      // draw off-screen, then swap: the old canvas stays (stretched) while a new zoom renders
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * outputScale);
      canvas.height = Math.floor(viewport.height * outputScale);
      canvas.setAttribute('aria-hidden', 'true');
      renderTask = page.render({
        canvas,
        viewport,
        transform: outputScale !== 1 ? [outputScale, 0, 0, outputScale, 0, 0] : undefined,
      });
      await renderTask.promise;
      if (cancelled) return;
      canvasWrap.replaceChildren(canvas);
      setRendered(true);

      textContentRef.current ??= await page.getTextContent();
      if (cancelled) return;
      const textContent = textContentRef.current;
      textLayerDiv.replaceChildren();
      textLayer = new pdfjs.TextLayer({ textContentSource: textContent, container: textLayerDiv, viewport });
      await textLayer.render();
      if (cancelled) return;
      // as pdf.js's own viewer does: while a mouse drags a selection, this block covers the gaps
      // between text runs, so the selection doesn't jump to the whole page when the pointer leaves a run
      const endOfContent = document.createElement('div');
      endOfContent.className = 'endOfContent';
      textLayerDiv.append(endOfContent);
      textDivsRef.current = textLayer.textDivs;
      textItemsRef.current = textContent.items.filter(isTextItem);
      setTextVersion((v) => v + 1);
      onTextLayer?.(pageNumber);
    })().catch((error: unknown) => {
      if (cancelled || isCancellation(error)) return;
      console.error(`Page ${pageNumber} failed to render`, error);
      setFailed(true);
    });

    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [active, scale, pdf, pageNumber, onSize, onViewport, onTextLayer]);

  useEffect(() => {
    if (textVersion > 0) markMatches(textDivsRef.current, textItemsRef.current, searchQuery);
  }, [searchQuery, textVersion]);

  const style = {
    width: `${Math.round(size.width * scale)}px`,
    height: `${Math.round(size.height * scale)}px`,
    '--scale-factor': String(scale),
  } as CSSProperties;

  return (
    <div
      ref={elementRef}
      className="pdf-page"
      style={style}
      data-testid="pdf-page"
      data-page-number={pageNumber}
      data-rendered={rendered ? 'true' : 'false'}
      aria-label={t.viewer.pageLabel(pageNumber)}
      role="group"
    >
      <div className="pdf-canvas" ref={canvasWrapRef} />
      {unitViewport && active && layers?.under?.(unitViewport)}
      <div
        className="textLayer"
        ref={textLayerRef}
        data-testid="text-layer"
        data-page-number={pageNumber}
        onMouseDown={(event) => {
          const layer = event.currentTarget;
          layer.classList.add('selecting');
          window.addEventListener('mouseup', () => layer.classList.remove('selecting'), { once: true });
        }}
      />
      {unitViewport && active && (
        <PageOverlay viewport={unitViewport} items={overlays}>
          {layers?.over?.(unitViewport, scale)}
        </PageOverlay>
      )}
      {!rendered && !failed && !damaged && (
        <span className="pdf-page-placeholder" aria-hidden="true">
          {pageNumber}
        </span>
      )}
      {(failed || damaged) && (
        <p className="pdf-page-problem" role="note" data-testid="page-problem">
          {damaged ? t.readablePages.pageDamaged(pageNumber) : t.readablePages.pageNotDrawn(pageNumber)}
        </p>
      )}
    </div>
  );
});
