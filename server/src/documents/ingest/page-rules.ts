import { loadPdfjs, type PdfPage } from './pdfjs';
import type { RuleSegment } from './ruled-tables';

/** A stroke or a filled bar thinner than this (PDF units) is a rule, not a shape. */
const MAX_RULE_THICKNESS = 2.5;
/** Rules shorter than this are ticks or glyph-like marks, not a table's borders. */
const MIN_RULE_LENGTH = 4;
/** pdf.js path buffer commands (DrawOPS in pdf.js). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

type Matrix = [number, number, number, number, number, number];

/**
 * The horizontal and vertical rules a page draws (stroked lines, and thin filled bars as word
 * processors draw cell borders), in page user space. Asked only of pages whose text looks like a
 * table (extract-paragraphs.ts), since it makes pdf.js build the page's operator list.
 */
export async function pageRules(page: PdfPage): Promise<RuleSegment[]> {
  const { OPS, Util } = await loadPdfjs();
  const list = await page.getOperatorList();
  const stroke = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const out: RuleSegment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix;
    else if (fn === OPS.constructPath) {
      const [op, [buffer]] = args as [number, [Float32Array | null]];
      if (!buffer) continue;
      const stroked = stroke.has(op);
      const filled = fill.has(op);
      if (!stroked && !filled) continue;
      for (const path of subpaths(buffer)) {
        // a copy: a closed subpath repeats its first point's array, and applyTransform writes in place
        const pts = path.map(([x, y]): [number, number] => {
          const point: [number, number] = [x, y];
          Util.applyTransform(point, ctm);
          return point;
        });
        if (stroked) for (let k = 1; k < pts.length; k++) push(out, pts[k - 1], pts[k]);
        if (filled && pts.length >= 4) {
          // a thin filled bar: its long middle line
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= MAX_RULE_THICKNESS && x1 - x0 >= MIN_RULE_LENGTH) push(out, [x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2]);
          else if (x1 - x0 <= MAX_RULE_THICKNESS && y1 - y0 >= MIN_RULE_LENGTH) push(out, [(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]);
        }
      }
    }
  }
  return out;
}

/** The straight subpaths of a path buffer (curves end a subpath: a rounded box is no table). */
function subpaths(buffer: Float32Array): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  const end = () => {
    if (current.length > 1) out.push(current);
    current = [];
  };
  for (let k = 0; k < buffer.length; ) {
    const cmd = buffer[k++];
    if (cmd === MOVE_TO) {
      end();
      current.push([buffer[k], buffer[k + 1]]);
      k += 2;
    } else if (cmd === LINE_TO) {
      current.push([buffer[k], buffer[k + 1]]);
      k += 2;
    } else if (cmd === CURVE_TO) {
      end();
      k += 6;
    } else if (cmd === QUADRATIC_CURVE_TO) {
      end();
      k += 4;
    } else if (cmd === CLOSE_PATH) {
      if (current.length > 1) current.push(current[0]);
      end();
    } else break;
  }
  end();
  return out;
}

function push(out: RuleSegment[], [ax, ay]: [number, number], [bx, by]: [number, number]): void {
  if (Math.abs(ay - by) <= 0.5 && Math.abs(bx - ax) >= MIN_RULE_LENGTH) out.push({ dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
  else if (Math.abs(ax - bx) <= 0.5 && Math.abs(by - ay) >= MIN_RULE_LENGTH) out.push({ dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
}
