/** A piece of the selection inside one text node of a pdf.js text layer, with its boxes on screen. */
export interface DomSelectionSlice {
  page: number;
  text: string;
  clientRects: DOMRect[];
}

export interface DomSelection {
  slices: DomSelectionSlice[];
  /** Text of the start page's text layer just before the selection. */
  before: string;
}

const BEFORE_CHARS = 80;

function layerOf(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest<HTMLElement>('.textLayer') ?? null;
}

/**
 * The selected text of the viewer's text layers, run by run, in document order, with the boxes of
 * each run's selected part. Text outside a text layer (buttons, the toolbar) is ignored; null when
 * nothing of a text layer is selected.
 */
export function readTextLayerSelection(selection: Selection, root: HTMLElement): DomSelection | null {
  if (selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const common = range.commonAncestorContainer;
  const walkRoot = common.nodeType === Node.TEXT_NODE ? (common.parentNode ?? common) : common;
  const walker = document.createTreeWalker(walkRoot, NodeFilter.SHOW_TEXT);
  const slices: DomSelectionSlice[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (range.comparePoint(node, 0) > 0) break; // past the end of the selection
    if (!range.intersectsNode(node)) continue;
    const layer = layerOf(node);
    if (!layer) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end <= start) continue;
    const part = document.createRange();
    part.setStart(node, start);
    part.setEnd(node, end);
    const clientRects = Array.from(part.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    slices.push({ page: Number(layer.dataset.pageNumber), text: node.data.slice(start, end), clientRects });
  }
  if (slices.length === 0) return null;

  let before = '';
  const startLayer = layerOf(range.startContainer);
  if (startLayer) {
    const preceding = document.createRange();
    preceding.selectNodeContents(startLayer);
    preceding.setEnd(range.startContainer, range.startOffset);
    before = preceding.toString().slice(-BEFORE_CHARS);
  }
  return { slices, before };
}
