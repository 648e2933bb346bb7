import type { MouseEvent } from 'react';
import type { ParagraphCommentCount } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { topParagraphs } from '../lib/paragraphHeat';

interface ParagraphHeatProps {
  counts: readonly ParagraphCommentCount[];
  selectedParagraphId: string | undefined;
  onSelect: (paragraph: ParagraphCommentCount) => void;
  /** Quoted text of a paragraph, when a loaded comment has it. */
  snippetOf: (paragraphId: string) => string | undefined;
  maxBars?: number;
}

/**
 * Comments per paragraph of one document: a colour strip over every paragraph in order (where the
 * comments cluster) and bars for the paragraphs with the most comments (what to read first).
 * Tapping either filters the feed to that paragraph.
 */
export function ParagraphHeat({ counts, selectedParagraphId, onSelect, snippetOf, maxBars = 8 }: ParagraphHeatProps) {
  const { t } = useI18n();
  const max = counts.reduce((m, c) => Math.max(m, c.count), 0);
  if (max === 0) return <p className="muted heat-empty">{t.desk.heatEmpty}</p>;
  const top = topParagraphs(counts, maxBars);

  // the strip is for the eye and the mouse; the bars below are the accessible, finger-sized controls
  const onStripClick = (event: MouseEvent<HTMLDivElement>) => {
    const index = Number((event.target as HTMLElement).dataset.index);
    const paragraph = Number.isInteger(index) ? counts[index] : undefined;
    if (paragraph && paragraph.count > 0) onSelect(paragraph);
  };

  return (
    <div className="heat" data-testid="paragraph-heat">
      <div className="heat-strip" role="img" aria-label={t.desk.heatStrip(counts.length)} onClick={onStripClick}>
        {counts.map((c, i) => (
          <span
            key={c.paragraphId}
            data-index={i}
            className={`heat-cell${c.paragraphId === selectedParagraphId ? ' is-selected' : ''}${c.count > 0 ? ' has-comments' : ''}`}
            style={{ opacity: c.count > 0 ? 0.25 + 0.75 * (c.count / max) : 1 }}
            title={c.count > 0 ? t.desk.heatBar(c.paragraphIndex + 1, c.page, c.count) : undefined}
          />
        ))}
      </div>
      <h4 className="heat-subtitle">{t.desk.topParagraphs}</h4>
      <p className="field-hint">{t.desk.heatHint}</p>
      <ol className="heat-bars">
        {top.map((c) => {
          const selected = c.paragraphId === selectedParagraphId;
          const snippet = snippetOf(c.paragraphId);
          return (
            <li key={c.paragraphId}>
              <button
                type="button"
                className={`heat-bar${selected ? ' is-selected' : ''}`}
                aria-pressed={selected}
                onClick={() => onSelect(c)}
                data-testid="heat-bar"
                data-paragraph-id={c.paragraphId}
              >
                <span className="heat-bar-label">
                  <strong>{c.label ?? t.desk.paragraph(c.paragraphIndex + 1)}</strong> · {t.desk.page(c.page)}
                  {snippet && <span className="heat-bar-snippet">{snippet}</span>}
                </span>
                <span className="heat-bar-track" aria-hidden="true">
                  <span className="heat-bar-fill" style={{ width: `${Math.max(6, (c.count / max) * 100)}%` }} />
                </span>
                {/* named by what it shows (axe: the visible text is the name), the count said in words */}
                <span className="heat-bar-count">
                  {c.count}
                  <span className="visually-hidden"> {t.commentThread.heatCountWord}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
