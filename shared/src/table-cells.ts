/**
 * A cell of a table row (Paragraph.cells): its text, or, for a cell merged over several columns or
 * rows of the table's grid, its text with its spans. A merged cell is listed in the row it starts in
 * only; the rows below it list the cells beside it (as HTML's colspan and rowspan lay them out).
 */
export type TableCell = string | MergedCell;

export interface MergedCell {
  text: string;
  /** Grid columns it covers, at least 1. */
  colSpan: number;
  /** Grid rows it covers from its own row down, at least 1. */
  rowSpan: number;
}

export function cellText(cell: TableCell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

export function cellColSpan(cell: TableCell): number {
  return typeof cell === 'string' ? 1 : cell.colSpan;
}

export function cellRowSpan(cell: TableCell): number {
  return typeof cell === 'string' ? 1 : cell.rowSpan;
}

/**
 * How many grid columns each row of a table covers, its cells and the merged cells of the rows above
 * reaching down into it counted: rows of one table all have the same width.
 */
export function tableRowWidths(rows: readonly (readonly TableCell[])[]): number[] {
  // columns still covered by a merged cell of a row above, for how many more rows
  let carried: { colSpan: number; rows: number }[] = [];
  return rows.map((cells) => {
    const width = cells.reduce((n, c) => n + cellColSpan(c), 0) + carried.reduce((n, c) => n + c.colSpan, 0);
    carried = [
      ...carried.map((c) => ({ ...c, rows: c.rows - 1 })),
      ...cells.filter((c) => cellRowSpan(c) > 1).map((c) => ({ colSpan: cellColSpan(c), rows: cellRowSpan(c) - 1 })),
    ].filter((c) => c.rows > 0);
    return width;
  });
}
