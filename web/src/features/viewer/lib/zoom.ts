/** CSS pixels per PDF point at 100 % (pdf.js uses the same 96/72). */
export const PDF_TO_CSS = 96 / 72;
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

/** auto: fit width but at most 125 % (the default); fit: fit width ("Vừa khung"); fixed: a chosen step. */
export type ZoomMode = { kind: 'auto' } | { kind: 'fit' } | { kind: 'fixed'; zoom: number };

/** Zoom (1 = 100 %) that makes a page of `pageWidthPt` fill `availableCssWidth`. */
export function fitWidthZoom(availableCssWidth: number, pageWidthPt: number): number {
  if (availableCssWidth <= 0 || pageWidthPt <= 0) return 1;
  return Math.min(MAX_ZOOM, Math.max(0.25, availableCssWidth / (pageWidthPt * PDF_TO_CSS)));
}

/**
 * Room needed left of a page for a column of `columnPx` beside text that starts `textLeftPt` from
 * the page's left edge, at `scale` CSS px per PDF unit: none when the page's own margin is wide enough.
 */
export function marginGutterPx(scale: number, textLeftPt: number | null, columnPx: number): number {
  if (textLeftPt === null) return 0;
  return Math.max(0, Math.ceil(columnPx - Math.max(0, textLeftPt) * scale));
}

/**
 * Fit-width zoom that leaves room for a margin column (the comment buttons) beside the text:
 * a page whose margin is wide enough fills the width as usual; a narrower margin makes the page a
 * little smaller, so that column and page together fill the width and the column covers no text.
 */
export function fitWidthZoomBesideMargin(availableCssWidth: number, pageWidthPt: number, textLeftPt: number | null, columnPx: number): number {
  const plain = fitWidthZoom(availableCssWidth, pageWidthPt);
  if (textLeftPt === null || marginGutterPx(plain * PDF_TO_CSS, textLeftPt, columnPx) === 0) return plain;
  const left = Math.min(Math.max(0, textLeftPt), pageWidthPt * 0.5);
  // page · s + (column − left · s) = available, one pixel spare for the gutter's rounding up
  return fitWidthZoom(availableCssWidth - columnPx - 1, pageWidthPt - left);
}

export function zoomIn(current: number): number {
  return ZOOM_STEPS.find((z) => z > current + 0.001) ?? MAX_ZOOM;
}

export function zoomOut(current: number): number {
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? MIN_ZOOM;
}

/**
 * Canvas pixel ratio: sharp on high-density screens, but capped so a zoomed page on a cheap phone
 * doesn't allocate a canvas bigger than `maxPixels`.
 */
export function outputScaleFor(cssWidth: number, cssHeight: number, devicePixelRatio: number, maxPixels = 8_388_608): number {
  const wanted = Math.max(1, devicePixelRatio || 1);
  const area = cssWidth * cssHeight;
  if (area <= 0) return wanted;
  return Math.max(0.5, Math.min(wanted, Math.sqrt(maxPixels / area)));
}
