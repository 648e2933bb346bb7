import type { CSSProperties } from 'react';
import type { PageViewport } from 'pdfjs-dist';
import type { PageOverlayItem } from '../lib/pageTypes';
import { rectToPercent } from '../lib/rectToPercent';

/**
 * The per-page layer above the text layer. It covers the page box exactly; children are placed in
 * percentages computed from PDF-unit rectangles, so they hold at any zoom. Pointer events pass
 * through to the text layer except on interactive children (comment markers, later).
 */
export function PageOverlay({ viewport, items }: { viewport: PageViewport; items: readonly PageOverlayItem[] }) {
  return (
    <div className="page-overlay" data-testid="page-overlay">
      {items.map((item) => {
        const box = rectToPercent(item.rect, viewport);
        const style: CSSProperties = { left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` };
        return <div key={item.key} className={`overlay-item overlay-${item.kind}`} style={style} title={item.label} data-testid={`overlay-${item.kind}`} />;
      })}
    </div>
  );
}
