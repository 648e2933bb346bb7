/** A paragraph's first line, measured in CSS pixels from the top of the page as drawn. */
export interface MarginEntry {
  id: string;
  /** Centre of the paragraph's first line. */
  centre: number;
}

export interface MarginButtonPlacement {
  /** The paragraphs this button stands for, in order (one, or several lines too close together). */
  ids: string[];
  /** Top of the button, in CSS pixels from the top of the page. */
  top: number;
}

/**
 * Places one thumb-sized button per paragraph in the page margin, next to its first line. At a
 * small zoom several short paragraphs sit closer together than one button is tall: rather than
 * shrink the buttons below a finger's size or let them overlap, neighbours share one button, which
 * then asks which paragraph is meant. Zooming in gives every paragraph its own.
 */
export function layoutMarginButtons(entries: readonly MarginEntry[], buttonSize: number, pageHeight: number): MarginButtonPlacement[] {
  const sorted = [...entries].sort((a, b) => a.centre - b.centre);
  const out: MarginButtonPlacement[] = [];
  const maxTop = Math.max(0, pageHeight - buttonSize);
  for (const entry of sorted) {
    const top = Math.min(maxTop, Math.max(0, entry.centre - buttonSize / 2));
    const previous = out[out.length - 1];
    if (previous && top < previous.top + buttonSize) previous.ids.push(entry.id);
    else out.push({ ids: [entry.id], top });
  }
  return out;
}
