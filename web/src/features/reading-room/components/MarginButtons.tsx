import { useMemo } from 'react';
import type { PageViewport } from 'pdfjs-dist';
import { useI18n } from '../../../i18n/useI18n';
import { rectToPercent } from '../../viewer/lib/rectToPercent';
import { layoutMarginButtons } from '../lib/marginLayout';
import type { MarginParagraph } from '../lib/readingTypes';

/** A finger's width (STYLE: touch targets of at least 48 px), whatever the zoom. */
export const MARGIN_BUTTON_PX = 48;
/** Between a margin button and the first letters of the text. */
export const MARGIN_GAP_PX = 4;

interface MarginButtonsProps {
  viewport: PageViewport;
  /** CSS pixels per PDF unit. */
  scale: number;
  paragraphs: readonly MarginParagraph[];
  onOpen: (paragraphIds: string[]) => void;
}

function SpeechBubble() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d="M4 5h16v10H10l-5 4v-4H4z" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * "Góp ý" buttons in the page's left margin, one level with the first line of each paragraph (or
 * one for a few paragraphs too close together for a finger, see layoutMarginButtons).
 */
export function MarginButtons({ viewport, scale, paragraphs, onOpen }: MarginButtonsProps) {
  const { t } = useI18n();
  const pageWidth = viewport.width * scale;
  const pageHeight = viewport.height * scale;

  const { placements, left, byId } = useMemo(() => {
    const entries = paragraphs.map((p) => {
      const box = rectToPercent(p.firstLine, viewport);
      return { id: p.id, top: (box.top / 100) * pageHeight };
    });
    const textLeft = Math.min(...paragraphs.map((p) => (rectToPercent({ ...p.firstLine, x: p.left, w: 1 }, viewport).left / 100) * pageWidth));
    return {
      placements: layoutMarginButtons(entries, MARGIN_BUTTON_PX, pageHeight),
      // just left of the text, never over it: where the page's own margin is narrower than a
      // finger, the button stands beside the page, in the room the viewer leaves for it (marginColumnPx)
      left: textLeft - MARGIN_BUTTON_PX - MARGIN_GAP_PX,
      byId: new Map(paragraphs.map((p) => [p.id, p])),
    };
  }, [paragraphs, viewport, pageWidth, pageHeight]);

  return (
    <>
      {placements.map((placement) => {
        const members = placement.ids.map((id) => byId.get(id)!);
        const from = members[0].index + 1;
        const to = members[members.length - 1].index + 1;
        const count = members.reduce((sum, p) => sum + p.commentCount, 0);
        return (
          <button
            key={placement.ids[0]}
            type="button"
            className={`margin-button${count > 0 ? ' has-comments' : ''}`}
            style={{ top: `${placement.top}px`, left: `${left}px` }}
            aria-label={`${t.readingRoom.marginButton(from, to)}${count > 0 ? ` (${t.readingRoom.commentsCount(count)})` : ''}`}
            onClick={() => onOpen(placement.ids)}
            data-testid="margin-comment"
            data-paragraph-ids={placement.ids.join(' ')}
          >
            <SpeechBubble />
            <span className="margin-button-label" aria-hidden="true">
              {t.readingRoom.marginShort}
            </span>
            {count > 0 && (
              <span className="margin-button-count" aria-hidden="true">
                {count}
              </span>
            )}
          </button>
        );
      })}
    </>
  );
}
