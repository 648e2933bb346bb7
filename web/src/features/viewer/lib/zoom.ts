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
