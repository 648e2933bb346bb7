/** A paragraph's first line, measured in CSS pixels from the top of the page as drawn. */
export interface MarginEntry {
  id: string;
  /** Top of the paragraph's first line. */
  top: number;
}

export interface MarginButtonPlacement {
  /** The paragraphs this button stands for, in order (one, or several lines too close together). */
  ids: string[];
  /** Top of the button, in CSS pixels from the top of the page. */
  top: number;
}

/**
 * Places one thumb-sized button per paragraph in the page margin, its top level with the
 * paragraph's first line, so the button starts where its paragraph starts and ends before the next
 * button's paragraph. At a small zoom several short paragraphs start within one button's height:
 * rather than shrink the buttons below a finger's size or let them overlap, those share one button,
 * which then asks which paragraph is meant. No paragraph starts beside a button that is not its
 * own. Zooming in gives every paragraph its own.
 */
export function layoutMarginButtons(entries: readonly MarginEntry[], buttonSize: number, pageHeight: number): MarginButtonPlacement[] {
  const sorted = [...entries].sort((a, b) => a.top - b.top);
  const out: MarginButtonPlacement[] = [];
  const maxTop = Math.max(0, pageHeight - buttonSize);
  for (const entry of sorted) {
    const top = Math.max(0, entry.top);
    const previous = out[out.length - 1];
    if (previous && top < previous.top + buttonSize) previous.ids.push(entry.id);
    else out.push({ ids: [entry.id], top });
  }
  // the last button may not hang below the page: raised, it shares with the one above it overlaps
  const last = out[out.length - 1];
  if (last && last.top > maxTop) {
    last.top = maxTop;
    const before = out[out.length - 2];
    if (before && last.top < before.top + buttonSize) {
      before.ids.push(...last.ids);
      out.pop();
    }
  }
  return out;
}
