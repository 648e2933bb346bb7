import { useCallback, useEffect, useState } from 'react';
import type { Paragraph, PdfRect } from '@hopso/shared';
import type { PdfPointViewport } from '../lib/pdfGeometry';
import { screenRectToPdfRect } from '../lib/pdfGeometry';
import { readTextLayerSelection } from '../lib/readTextLayerSelection';
import { anchorFromSelection, type ParagraphIndex, type SelectionAnchorResult, type SelectionSlice } from '../lib/selectionAnchor';

export interface TextSelection {
  result: SelectionAnchorResult;
  /** The paragraph the selection starts in, for "use the whole paragraph" when the quote can't be used. */
  paragraph: Paragraph | null;
}

interface Options {
  root: HTMLElement | null;
  pageElements: ReadonlyMap<number, HTMLElement>;
  viewports: ReadonlyMap<number, PdfPointViewport>;
  paragraphs: ParagraphIndex | null;
  versionId: string;
}

/** Waits for the selection to settle (a finger dragging a handle fires many events). */
const SETTLE_MS = 180;

/** Calls `update` once the document's selection has settled; returns the unsubscribe. */
export function onSettledSelectionChange(update: () => void): () => void {
  let timer = 0;
  const onChange = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, SETTLE_MS);
  };
  document.addEventListener('selectionchange', onChange);
  return () => {
    document.removeEventListener('selectionchange', onChange);
    window.clearTimeout(timer);
  };
}

/**
 * Follows the text selection in the viewer's text layers (the document's `selectionchange` event,
 * which fires for a mouse, a finger, the keyboard and a script alike) and turns it into an anchor
 * in PDF units, computed while the page boxes on screen are the ones the selection was made on.
 */
export function useTextSelection({ root, pageElements, viewports, paragraphs, versionId }: Options) {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  useEffect(() => {
    if (!root || !paragraphs) return undefined;
    const update = () => {
      const current = document.getSelection();
      const dom = current ? readTextLayerSelection(current, root) : null;
      if (!dom) {
        setSelection(null);
        return;
      }
      const slices: SelectionSlice[] = [];
      const viewBoxes = new Map<number, readonly number[]>();
      for (const slice of dom.slices) {
        const element = pageElements.get(slice.page);
        const viewport = viewports.get(slice.page);
        if (!element || !viewport) continue;
        viewBoxes.set(slice.page, viewport.viewBox);
        const pageBox = element.getBoundingClientRect();
        const rects: PdfRect[] = slice.clientRects.map((r) => screenRectToPdfRect(r, pageBox, slice.page, viewport));
        slices.push({ page: slice.page, text: slice.text, rects });
      }
      const result = anchorFromSelection({ versionId, slices, before: dom.before, paragraphs, viewBoxes });
      const first = slices.find((s) => s.text.trim() && paragraphs.paragraphUnder(s.page, s.rects));
      const paragraph = result.ok ? result.paragraph : first ? paragraphs.paragraphUnder(first.page, first.rects) : null;
      setSelection({ result, paragraph });
    };
    return onSettledSelectionChange(update);
  }, [root, pageElements, viewports, paragraphs, versionId]);

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  return { selection, clear };
}
