import type { CSSProperties } from 'react';
import type { PageViewport } from 'pdfjs-dist';
import { rectToPercent } from '../../viewer/lib/rectToPercent';
import type { HighlightItem } from '../lib/readingTypes';

/**
 * The reader's highlights on one page, between the canvas and the text layer: the text stays
 * selectable over them and the browser's selection colour shows on top. Taps reach the text layer;
 * the viewer finds the highlight under a tap from these same PDF-unit rectangles.
 */
export function HighlightLayer({ viewport, items }: { viewport: PageViewport; items: readonly HighlightItem[] }) {
  if (items.length === 0) return null;
  return (
    <div className="highlight-layer" aria-hidden="true">
      {items.map((item) => {
        const box = rectToPercent(item.rect, viewport);
        const style: CSSProperties = { left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` };
        return (
          <div
            key={item.key}
            className={`highlight highlight-${item.color}`}
            style={style}
            data-testid="highlight"
            data-annotation-id={item.annotationId}
            data-color={item.color}
          />
        );
      })}
    </div>
  );
}
