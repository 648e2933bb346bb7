import type { CSSProperties, ReactNode } from 'react';
import type { PageViewport } from 'pdfjs-dist';
import type { PageOverlayItem } from '../lib/pageTypes';
import { rectToPercent } from '../lib/rectToPercent';

const MARKER_PX = 18;

function MarkerIcon({ kind }: { kind: 'comment' | 'note' }) {
  return (
    <svg viewBox="0 0 24 24" width={MARKER_PX - 4} height={MARKER_PX - 4} aria-hidden="true" focusable="false">
      {kind === 'comment' ? (
        <path d="M4 5h16v10H9l-5 4z" fill="currentColor" />
      ) : (
        <path d="M5 4h14v11l-5 5H5zM14 20v-5h5" fill="currentColor" stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
      )}
    </svg>
  );
}

/**
 * The per-page layer above the text layer. It covers the page box exactly; children are placed in
 * percentages computed from PDF-unit rectangles, so they hold at any zoom. Pointer events pass
 * through to the text layer except on interactive children (the margin buttons).
 */
export function PageOverlay({ viewport, items, children }: { viewport: PageViewport; items: readonly PageOverlayItem[]; children?: ReactNode }) {
  return (
    <div className="page-overlay" data-testid="page-overlay">
      {items.map((item) => {
        const box = rectToPercent(item.rect, viewport);
        if (item.kind === 'comment' || item.kind === 'note') {
          // a marker of fixed size in the right margin, beside the line it belongs to
          const style: CSSProperties = { left: `min(calc(${box.left + box.width}% + 4px), calc(100% - ${MARKER_PX}px))`, top: `${box.top}%` };
          return (
            <div key={item.key} className={`overlay-marker overlay-${item.kind}`} style={style} title={item.label} data-testid={`overlay-${item.kind}`}>
              <MarkerIcon kind={item.kind} />
            </div>
          );
        }
        const style: CSSProperties = { left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` };
        return <div key={item.key} className={`overlay-item overlay-${item.kind}`} style={style} title={item.label} data-testid={`overlay-${item.kind}`} />;
      })}
      {children}
    </div>
  );
}
