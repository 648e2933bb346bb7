import type { HighlightColor } from '@hopso/shared';
import { excerpt } from '../lib/selectionAnchor';

/** The passage a note or comment is about, shortened, with where it is. */
export function QuoteBlock({ text, caption, color, max = 220 }: { text: string; caption?: string; color?: HighlightColor; max?: number }) {
  return (
    <figure className={`quote-block${color ? ` quote-${color}` : ''}`}>
      <blockquote data-testid="quote-text">{excerpt(text, max)}</blockquote>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
